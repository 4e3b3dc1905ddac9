"""The future a task waits on is already resolved but the task has not
resumed yet: cancel() cannot cancel the future, so it sets must_cancel and
the task still ends cancelled."""
import asyncio


async def waiter(fut):
    try:
        value = await fut
        print("waiter got", value)
    except asyncio.CancelledError:
        print("waiter cancelled although the future had a result")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result("value")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled(), "future result:", fut.result())


asyncio.run(main())
