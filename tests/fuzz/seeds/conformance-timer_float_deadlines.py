"""Deadlines are floats: 0.1 + 0.2 is 0.30000000000000004, so a timer at
exactly 0.3 fires first even though it was created later."""
import asyncio


async def sleeps_twice():
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    print("two sleeps end at", repr(asyncio.get_running_loop().time()))


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeps_twice())
    await asyncio.sleep(0.15)
    loop.call_at(0.3, print, "call_at(0.3) fires at 0.3")
    await t
    print(0.1 + 0.2 == 0.3)


asyncio.run(main())
