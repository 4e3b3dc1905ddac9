# Deterministic jitter from a seed: each transfer's delay is the latency
# plus a draw in [0, jitter); the same seed gives the same times every run.
import asyncio
import time

import loopscope

loopscope.network(latency=0.03, jitter=0.02, seed=7)


async def ping(i):
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(b"GET /get?n=%d HTTP/1.1\r\nHost: example.com\r\n\r\n" % i)
    head = await reader.readuntil(b"\r\n\r\n")
    await reader.readexactly(int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0]))
    print(f"{time.monotonic():.6f} ping {i} done")
    writer.close()
    await writer.wait_closed()


async def main():
    await asyncio.gather(*(ping(i) for i in range(4)))


asyncio.run(main())
