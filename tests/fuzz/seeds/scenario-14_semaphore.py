"""Semaphore: at most two downloads at a time.

Five tasks start at once; two get the semaphore and the others wait on
futures, first come first served. Each release wakes the next waiter.
"""
# topic: Synchronisation
import asyncio


async def download(sem, n):
    async with sem:
        print(f"download {n} starts")
        await asyncio.sleep(0.5)
        print(f"download {n} ends")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(5)))


asyncio.run(main())
