# Remote and local streams together: a 300 kB download over a 200 kB/s link
# (the StreamReader pauses and resumes reading above 2 x its limit, as
# CPython's does), pipelined keep-alive requests answered in order, then
# Connection: close; a local echo server; a connect timeout; a reset seen
# by a read and then by drain(); jitter from a seed. The oracle is the
# reference (remote hosts).
import asyncio
import time
import loopscope

loopscope.network(latency=0.02, bandwidth=200_000, jitter=0.005, seed=11)
loopscope.site("big.example.com", routes={"/a": "A" * 10, "/b": {"body": "B" * 5, "delay": 0.1}})


async def big():
    reader, writer = await asyncio.open_connection("example.org", 80)
    writer.write(b"GET /bytes/300000 HTTP/1.1\r\nHost: example.org\r\n\r\n")
    head = await reader.readuntil(b"\r\n\r\n")
    n = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    got = 0
    while got < n:
        chunk = await reader.read(50000)
        got += len(chunk)
    print(f"{time.monotonic():.6f} big done {got}")
    writer.write_eof()
    print("eof read:", await reader.read())
    writer.close()
    await writer.wait_closed()


async def pipelined():
    reader, writer = await asyncio.open_connection("big.example.com", 80)
    writer.write(b"GET /b HTTP/1.1\r\n\r\nGET /a HTTP/1.1\r\n\r\nPOST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
    for _ in range(3):
        head = await reader.readuntil(b"\r\n\r\n")
        n = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        print(f"{time.monotonic():.6f}", head.split(b"\r\n")[0], await reader.readexactly(n))
    writer.write(b"GET /a HTTP/1.1\r\nConnection: close\r\n\r\n")
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()


async def server_side(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()


async def local():
    server = await asyncio.start_server(server_side, "127.0.0.1", 8888)
    r, w = await asyncio.open_connection("localhost", 8888)
    w.write(b"hello\n")
    print(await r.readline())
    w.close()
    await w.wait_closed()
    server.close()
    await server.wait_closed()


async def main():
    await asyncio.gather(big(), pipelined(), local())
    try:
        await asyncio.wait_for(asyncio.open_connection("10.1.1.1", 443), 0.3)
    except asyncio.TimeoutError:
        print("timeout")
    r, w = await asyncio.open_connection("x.example", 80)
    w.write(b"GET /reset HTTP/1.1\r\n\r\n")
    try:
        await r.readexactly(10)
    except ConnectionResetError as e:
        print("reset", e)
    try:
        w.write(b"more")
        await w.drain()
    except ConnectionResetError as e:
        print("drain", e)
    w.close()


asyncio.run(main())
