"""create_task: a task starts at the loop's next turn, not at once.

create_task schedules the new task's first step with call_soon; main keeps
running until its next await. Only then do the workers start, in the
order they were created.
"""
# topic: Tasks
import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")


async def main():
    a = asyncio.create_task(worker("A", 2))
    b = asyncio.create_task(worker("B", 1))
    print("main: both tasks created, none started yet")
    await a
    await b
    print("main: both finished")


asyncio.run(main())
