"""A failed task that nobody awaits: asyncio logs 'Task exception was never
retrieved' when the task object is freed."""
import asyncio


async def explode():
    await asyncio.sleep(0.1)
    raise KeyError("lost")


async def main():
    asyncio.create_task(explode())
    await asyncio.sleep(0.5)
    print("main carries on")


asyncio.run(main())
