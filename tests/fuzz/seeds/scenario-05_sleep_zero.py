"""sleep(0): give the loop back for exactly one iteration.

asyncio.sleep(0) creates no timer and no future: it is a bare yield. The
task's next step is put at the back of the ready queue, so two tasks that
sleep(0) in turn interleave perfectly.
"""
# topic: Tasks
import asyncio


async def counter(name):
    for i in range(3):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(counter("ping"), counter("pong"))


asyncio.run(main())
