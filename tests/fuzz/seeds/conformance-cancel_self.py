"""A task cancelling itself: the CancelledError arrives at its next await."""
import asyncio


async def selfish():
    asyncio.current_task().cancel()
    print("still running after cancel()")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled at the first await")
        raise


async def main():
    t = asyncio.create_task(selfish())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())


asyncio.run(main())
