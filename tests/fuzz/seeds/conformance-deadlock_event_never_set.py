"""Two tasks wait for each other's events: a deadlock."""
import asyncio


async def side(name, mine, theirs):
    await theirs.wait()
    mine.set()
    print(name, "done")


async def main():
    a, b = asyncio.Event(), asyncio.Event()
    await asyncio.gather(side("left", a, b), side("right", b, a))


asyncio.run(main())
