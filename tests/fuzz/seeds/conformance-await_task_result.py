"""Awaiting a task: the child finishes in one iteration, the parent resumes
in the next, with the child's return value."""
import asyncio


async def compute(x):
    await asyncio.sleep(0.1)
    return x * x


async def main():
    task = asyncio.create_task(compute(7))
    result = await task
    print("result", result)
    again = await task
    print("awaiting a finished task again gives", again)
    print("done?", task.done(), "result()", task.result())


asyncio.run(main())
