# Gathered requests overlap: five requests to a site whose answers take
# 0.5 s each finish together, after about one request's time, where the
# sequential loop needs five times as long. One connection with keep-alive
# carries the sequential requests.
import asyncio
import time

import loopscope

loopscope.network(latency=0.02)
loopscope.site("slow.example.com", routes={"/item": {"body": "ok", "delay": 0.5}})


async def fetch(i, reader=None, writer=None):
    own = reader is None
    if own:
        reader, writer = await asyncio.open_connection("slow.example.com", 80)
    writer.write(b"GET /item?i=%d HTTP/1.1\r\nHost: slow.example.com\r\n\r\n" % i)
    head = await reader.readuntil(b"\r\n\r\n")
    body = await reader.readexactly(int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0]))
    print(f"{time.monotonic():.3f} request {i}: {body.decode()}")
    if own:
        writer.close()
        await writer.wait_closed()


async def main():
    t0 = time.monotonic()
    reader, writer = await asyncio.open_connection("slow.example.com", 80)
    for i in range(3):
        await fetch(i, reader, writer)
    writer.close()
    await writer.wait_closed()
    print(f"sequential: {time.monotonic() - t0:.3f}s")
    t0 = time.monotonic()
    await asyncio.gather(*(fetch(i) for i in range(5)))
    print(f"gathered: {time.monotonic() - t0:.3f}s")


asyncio.run(main())
