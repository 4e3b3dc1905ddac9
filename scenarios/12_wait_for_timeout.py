"""wait_for: give up after a timeout, and cancel what was running.

asyncio.wait_for(coro, timeout) wraps the coroutine in a task and sets a
timer. When the timer fires first, the inner task is cancelled, and
TimeoutError reaches the caller once the cancellation has been delivered.
Use it around anything that might hang: a request, a lock, a queue get.
"""
# topic: Timeouts
# watch: the timer heap: the 5 s sleep of slow() and wait_for's own 1 s
#   timer; the earlier one wins.
# checkpoint: when slow sleeps: slow() waits for 5 s, but wait_for's timer
#   is set for 1 s.
# ask: does the next timer fire late
# checkpoint: when "slow: cancelled" prints: the timeout fired at {time};
#   slow() got CancelledError at its await and is cleaning up.
# ask: what prints next
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
