"""Awaiting a coroutine runs it inside the caller's task: no new task."""
import asyncio


async def helper(n):
    print("helper in", asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    return n + 1


async def main():
    x = await helper(1)
    y = await helper(x)
    print("x, y =", x, y)
    print("tasks now:", len(asyncio.all_tasks()))


asyncio.run(main())
