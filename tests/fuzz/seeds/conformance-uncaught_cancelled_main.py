"""main cancels itself: asyncio.run raises CancelledError, shown
module-qualified in the traceback line."""
import asyncio


async def main():
    asyncio.current_task().cancel()
    print("cancel requested")
    await asyncio.sleep(1)
    print("not reached")


asyncio.run(main())
