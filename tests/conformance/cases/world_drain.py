# Flow control: over a slow link (100 kB/s) the socket's 64 KiB send buffer
# fills, the transport keeps the rest, and once it holds more than the high
# water mark (64 KiB) `await writer.drain()` really waits, until the buffer
# is down to the low water mark (16 KiB).
import asyncio
import time

import loopscope

loopscope.site("upload.example.com", bandwidth=100_000, latency=0.01, routes={"POST /upload": (200, "stored")})


async def main():
    reader, writer = await asyncio.open_connection("upload.example.com", 80)
    body = b"x" * 300_000
    writer.write(b"POST /upload HTTP/1.1\r\nHost: upload.example.com\r\nContent-Length: %d\r\n\r\n" % len(body))
    for i in range(3):
        writer.write(body[i * 100_000:(i + 1) * 100_000])
        print(f"{time.monotonic():.3f} wrote chunk {i}, buffered {writer.transport.get_write_buffer_size()}")
        await writer.drain()
        print(f"{time.monotonic():.3f} drained, buffered {writer.transport.get_write_buffer_size()}")
    head = await reader.readuntil(b"\r\n\r\n")
    print(f"{time.monotonic():.3f}", head.split(b"\r\n")[0], await reader.readexactly(6))
    writer.close()
    await writer.wait_closed()


asyncio.run(main())
