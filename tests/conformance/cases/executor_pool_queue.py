# Five jobs on a pool of two threads: three of them wait in the pool's queue.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(name, seconds):
    print(f"{name} starts at {time.monotonic():.1f}")
    time.sleep(seconds)
    print(f"{name} ends at {time.monotonic():.1f}")
    return name


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, job, f"job{i}", d)
                for i, d in enumerate([1.0, 0.5, 0.25, 2.0, 0.5])]
        for coro in asyncio.as_completed(futs):
            print("got", await coro, f"{time.monotonic():.2f}")
    print("pool closed", f"{time.monotonic():.2f}")


asyncio.run(main())
