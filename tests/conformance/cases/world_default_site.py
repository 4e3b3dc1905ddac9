# A host nobody defined answers with the default site (httpbin-like) on
# ports 80 and 443 (plain HTTP: there is no TLS in the simulated world).
# Names resolve to 10.0.0.2, 10.0.0.3, ... in order of first mention, through
# the loop's default executor as CPython resolves a name that is not an IP
# literal. Remote links default to 50 ms one way.
import asyncio
import time


async def get(host, port, path, close=False):
    reader, writer = await asyncio.open_connection(host, port)
    extra = "Connection: close\r\n" if close else ""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode())
    if close:
        data = await reader.read()  # the site closes after its answer
        print(f"{time.monotonic():.3f}", writer.get_extra_info("peername"), data.decode().replace("\r\n", " | "))
    else:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        body = await reader.readexactly(length)
        print(f"{time.monotonic():.3f}", writer.get_extra_info("peername"), head.split(b"\r\n")[0], body)
    writer.close()
    await writer.wait_closed()


async def main():
    await get("example.com", 80, "/get?q=1")
    await get("httpbin.org", 443, "/status/503")
    await get("httpbin.org", 80, "/json", close=True)
    await get("example.com", 80, "/delay/2")
    await get("example.com", 80, "/nothing/here")
    # HEAD: the headers only, so the next answer on the connection follows.
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(b"HEAD /json HTTP/1.1\r\n\r\nGET /status/201 HTTP/1.1\r\n\r\n")
    print(await reader.readuntil(b"\r\n\r\n"))
    print(await reader.readuntil(b"\r\n\r\n"))
    writer.close()
    await writer.wait_closed()
    try:
        await asyncio.open_connection("example.com", 8080)
    except ConnectionRefusedError as e:
        print(f"{time.monotonic():.3f}", "refused:", e)


asyncio.run(main())
