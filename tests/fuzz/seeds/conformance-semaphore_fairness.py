"""A Semaphore admits two at a time; the others queue up in order."""
import asyncio


async def job(n, sem):
    async with sem:
        print(f"job {n} starts at {asyncio.get_running_loop().time()}")
        await asyncio.sleep(0.5)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(n, sem) for n in range(5)))


asyncio.run(main())
