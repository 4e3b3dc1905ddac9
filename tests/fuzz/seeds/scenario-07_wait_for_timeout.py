"""wait_for: give up after a timeout, and cancel what was running.

wait_for wraps the coroutine in a task and arms a timer. When the timer
fires first, the inner task is cancelled, and TimeoutError reaches the
caller once the cancellation has been delivered.
"""
# topic: Timeouts
import asyncio


async def slow():
    try:
        await asyncio.sleep(5)
        return "finished"
    except asyncio.CancelledError:
        print("slow: cancelled")
        raise


async def main():
    try:
        result = await asyncio.wait_for(slow(), timeout=1)
        print(result)
    except TimeoutError:
        print("main: timed out after 1s")


asyncio.run(main())
