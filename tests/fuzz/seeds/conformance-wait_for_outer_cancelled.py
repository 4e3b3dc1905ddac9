"""The task running wait_for is cancelled: the inner task is cancelled too
and CancelledError (not TimeoutError) propagates."""
import asyncio


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=3)
    except asyncio.TimeoutError:
        print("timeout (not expected)")


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled")


asyncio.run(main())
