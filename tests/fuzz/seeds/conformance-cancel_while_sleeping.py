"""Cancelling a sleeping task cancels its sleep future at once; the
CancelledError reaches the task in the next iteration."""
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper: CancelledError arrived")
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel()
    print("after cancel(): done =", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("after await: cancelled =", t.cancelled())


asyncio.run(main())
