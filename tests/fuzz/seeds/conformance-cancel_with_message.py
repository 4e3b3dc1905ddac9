"""cancel(msg) passes a message along with the CancelledError."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("worker got", repr(e))
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", repr(e))


asyncio.run(main())
