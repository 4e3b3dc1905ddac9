"""A semaphore and sleep-based rate limiter for ten requests."""
import asyncio


async def request(n, sem, log):
    async with sem:
        start = asyncio.get_running_loop().time()
        await asyncio.sleep(0.25)
        log.append((n, start))


async def main():
    sem = asyncio.Semaphore(3)
    log = []
    await asyncio.gather(*(request(n, sem, log) for n in range(10)))
    for n, start in log:
        print(f"request {n} started at {start}")


asyncio.run(main())
