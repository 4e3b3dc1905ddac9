"""Semaphore: at most two downloads at a time.

Five tasks start at once; two get the semaphore and the others wait on
futures, first come first served. Each release wakes the next waiter.
"""
# topic: More tools
# watch: the Semaphore's counter, and the three tasks waiting for it.
# checkpoint: when "download 1 starts" prints: two downloads hold the
#   semaphore; the other three wait.
# ask: what prints next
# ask: when does the next line print
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
