"""An exception from one task surfaces when its turn comes in as_completed."""
import asyncio


async def job(n):
    await asyncio.sleep(n / 10)
    if n == 2:
        raise LookupError("no item 2")
    return n


async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    for fut in asyncio.as_completed(tasks):
        try:
            print("result", await fut)
        except LookupError as e:
            print("error", e)


asyncio.run(main())
