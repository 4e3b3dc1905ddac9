"""time.sleep inside async code blocks every other task."""
import asyncio
import time


async def ticker():
    for i in range(5):
        print(f"tick {i} at {time.monotonic():.1f}")
        await asyncio.sleep(0.5)


async def bad_worker():
    await asyncio.sleep(0.6)
    print("bad worker: sleeping with time.sleep(1.5)")
    time.sleep(1.5)
    print("bad worker: awake")


async def main():
    await asyncio.gather(ticker(), bad_worker())


asyncio.run(main())
