# A blocking library call moved to a thread: the other task keeps ticking
# while the worker sleeps on its own clock.
import asyncio
import time


def fetch_report(n):
    print(f"worker: fetching report {n}")
    time.sleep(1)
    print(f"worker: report {n} ready at {time.monotonic():.1f}")
    return n * 10


async def ticker():
    for i in range(4):
        print("tick", i, f"{time.monotonic():.1f}")
        await asyncio.sleep(0.4)


async def main():
    t = asyncio.create_task(ticker())
    r = await asyncio.to_thread(fetch_report, 3)
    print("result", r, f"{time.monotonic():.1f}")
    await t


asyncio.run(main())
