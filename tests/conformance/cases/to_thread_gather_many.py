# Ten threads at once through the default executor (8 workers): the last
# two wait for a free worker.
import asyncio
import time


def work(i):
    time.sleep(0.1 * (i % 3 + 1))
    return i * i


async def main():
    start = time.monotonic()
    results = await asyncio.gather(*(asyncio.to_thread(work, i)
                                     for i in range(10)))
    print(results, f"{time.monotonic() - start:.2f}")


asyncio.run(main())
