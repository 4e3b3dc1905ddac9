# Requests bounded by a Semaphore over links with bandwidth and seeded jitter:
# at most 3 connections at once to the default site; each reads until the
# site closes (Connection: close).
import asyncio
import time
import loopscope

loopscope.network(latency=0.04, bandwidth=1_000_000, jitter=0.01, seed=5)


async def fetch(sem, i):
    async with sem:
        r, w = await asyncio.open_connection("httpbin.org", 80)
        w.write(b"GET /bytes/%d HTTP/1.1\r\nHost: httpbin.org\r\nConnection: close\r\n\r\n" % (1000 * i))
        data = await r.read()
        w.close()
        await w.wait_closed()
        return len(data)


async def main():
    t0 = time.monotonic()
    sem = asyncio.Semaphore(3)
    sizes = await asyncio.gather(*(fetch(sem, i) for i in range(8)))
    print(f"{time.monotonic() - t0:.6f}", sum(sizes))


asyncio.run(main())
