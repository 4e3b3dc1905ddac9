"""TaskGroup waits for all its tasks when the block ends."""
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("a", 0.2))
        b = tg.create_task(fetch("b", 0.1), name="fetch-b")
        print("block body done, waiting for tasks")
    print("results:", a.result(), b.result())


asyncio.run(main())
