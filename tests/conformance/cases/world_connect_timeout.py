# An address no name resolved to never answers: the connect hangs, and
# asyncio.wait_for gives up. A defined site refuses ports it does not serve
# (after one round trip).
import asyncio
import time

import loopscope

loopscope.site("api.example.com", port=8080, latency=0.2)


async def main():
    try:
        await asyncio.wait_for(asyncio.open_connection("10.255.255.1", 80), timeout=1.5)
    except asyncio.TimeoutError:
        print(f"{time.monotonic():.3f} timed out")
    try:
        await asyncio.open_connection("api.example.com", 80)
    except ConnectionRefusedError as e:
        print(f"{time.monotonic():.3f} {e}")
    reader, writer = await asyncio.open_connection("api.example.com", 8080)
    print(f"{time.monotonic():.3f} connected to", writer.get_extra_info("peername"))
    writer.write(b"GET / HTTP/1.1\r\n\r\n")
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()


asyncio.run(main())
