"""gather() with no arguments, and the same task passed twice."""
import asyncio


async def one():
    await asyncio.sleep(0.1)
    return 1


async def main():
    print("empty gather:", await asyncio.gather())
    t = asyncio.create_task(one())
    print("duplicates:", await asyncio.gather(t, t, one()))


asyncio.run(main())
