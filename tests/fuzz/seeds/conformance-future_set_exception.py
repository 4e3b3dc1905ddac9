"""A future resolved with an exception raises it in the awaiting task."""
import asyncio


async def fail_later(fut):
    await asyncio.sleep(0.2)
    fut.set_exception(ValueError("bad input"))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    helper = asyncio.create_task(fail_later(fut))
    try:
        await fut
    except ValueError as e:
        print("caught", repr(e))
    await helper
    print("exception() returns", repr(fut.exception()))


asyncio.run(main())
