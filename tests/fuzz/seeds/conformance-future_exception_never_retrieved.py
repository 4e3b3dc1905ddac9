"""A future whose exception is never looked at is reported when freed."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(OSError("disk on fire"))
    print("dropping the future")
    fut = None
    print("dropped")
    kept = loop.create_future()
    kept.set_exception(OSError("seen"))
    print("retrieved:", kept.exception())


asyncio.run(main())
