"""One task fails: the group cancels the others (in creation order) and
raises an ExceptionGroup."""
import asyncio


async def worker(n, delay):
    try:
        await asyncio.sleep(delay)
        print(f"worker {n} done")
    except asyncio.CancelledError:
        print(f"worker {n} cancelled")
        raise


async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("failing task")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker(1, 1))
            tg.create_task(worker(2, 0.1))
            tg.create_task(failing())
            tg.create_task(worker(3, 2))
    except ExceptionGroup as eg:
        print("group:", eg)
        for e in eg.exceptions:
            print("  member:", repr(e))


asyncio.run(main())
