# A concurrent.futures.Future from pool.submit, awaited through wrap_future.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def compute(x):
    time.sleep(0.75)
    return x + 1


async def main():
    pool = ThreadPoolExecutor(max_workers=1)
    cf = pool.submit(compute, 41)
    print(type(cf).__name__, cf.done())
    fut = asyncio.wrap_future(cf)
    print(await fut, cf.done(), f"{time.monotonic():.2f}")
    pool.shutdown(wait=True)


asyncio.run(main())
