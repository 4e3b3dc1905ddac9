# A raw HTTP/1.1 GET over asyncio.open_connection to a virtual web site that
# the program defines with the `loopscope` module (docs/SIMULATED_WORLD.md,
# Network). The link's latency (0.1 s one way) shows in the times: the
# connect takes one round trip, the request and its answer another.
# Remote hosts exist only in the simulated world: the oracle is the reference.
import asyncio
import time

import loopscope

loopscope.site("api.example.com", latency=0.1, routes={
    "/users/1": (200, {"id": 1, "name": "Ada"}),
    "POST /users": {"status": 201, "body": "created"},
})


async def request(method, path, body=b""):
    t0 = time.monotonic()
    reader, writer = await asyncio.open_connection("api.example.com", 80)
    print(f"connected after {time.monotonic() - t0:.3f}s to", writer.get_extra_info("peername"),
          "from", writer.get_extra_info("sockname"))
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: api.example.com\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()
    status = await reader.readline()
    headers = {}
    while (line := await reader.readline()) != b"\r\n":
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    data = await reader.readexactly(int(headers["content-length"]))
    print(f"{method} {path} -> {status.decode().strip()!r} {headers['content-type']!r} {data!r}"
          f" after {time.monotonic() - t0:.3f}s")
    writer.close()
    await writer.wait_closed()


async def main():
    await request("GET", "/users/1")
    await request("POST", "/users", b'{"name": "Bob"}')
    await request("GET", "/missing")
    await request("DELETE", "/users")


asyncio.run(main())
