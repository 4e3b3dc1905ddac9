"""TaskGroup: when one child fails, the group cancels the others.

The `async with` block waits for every task it started. The first task to
raise makes the group cancel the others and, once all have finished,
raise an ExceptionGroup holding the errors.
"""
# topic: Cancellation
import asyncio


async def fetch(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled by the group")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("a", 0.3))
            tg.create_task(fetch("b", 0.1, fail=True))
            tg.create_task(fetch("c", 0.5))
    except ExceptionGroup as eg:
        print("group raised:", eg.exceptions)


asyncio.run(main())
