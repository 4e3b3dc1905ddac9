"""The inner task ignores the timeout's cancellation and returns a value:
wait_for returns that value instead of raising TimeoutError."""
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    return "late value"


async def main():
    result = await asyncio.wait_for(stubborn(), timeout=0.5)
    print("wait_for returned", result)


asyncio.run(main())
