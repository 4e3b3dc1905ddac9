"""An exception in the async with body also aborts the group."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    finally:
        print("worker finally")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker())
            await asyncio.sleep(0.1)
            raise KeyError("from the body")
    except ExceptionGroup as eg:
        print("caught", [repr(e) for e in eg.exceptions])


asyncio.run(main())
