"""A coroutine never awaited does nothing, and Python says so.

Calling `work()` without await makes a coroutine object and drops it: its
body never runs, and CPython warns "coroutine 'work' was never awaited" at
the moment the object is destroyed.
"""
# topic: Pitfalls
import asyncio


async def work():
    print("this line never runs")


async def main():
    work()
    await asyncio.sleep(0.1)
    print("main: done")


asyncio.run(main())
