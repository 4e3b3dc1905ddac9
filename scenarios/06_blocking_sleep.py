"""Never block the loop: time.sleep inside a coroutine stops everything.

time.sleep(2) does not await: the loop cannot run anything else, so the
0.5 s timer of the other task fires 1.5 s late. Every blocking call does
the same: requests.get, a synchronous database driver, open() and read()
on a slow disk. Await asyncio.sleep() instead, use an async library
(aiohttp, aiofiles), or run the blocking call in a thread with
asyncio.to_thread. (Here time.sleep stands in for any blocking call.)
"""
# topic: Never block the loop
# watch: the timeline: the red mark where time.sleep holds the loop, and the
#   orange tick of ticker's timer, which fires late.
# checkpoint: when blocker blocks: {task} calls time.sleep(2): the loop is
#   stuck, and the clock moves to {time} with nothing else running.
# ask: does the next timer fire late
# checkpoint: when the timer of ticker fires: the timer was due at {due}; it
#   fires at {time}, {late} late, because time.sleep held the loop.
# ask: what prints next
import asyncio
import time


async def ticker():
    start = time.monotonic()
    await asyncio.sleep(0.5)
    print(f"ticker woke after {time.monotonic() - start:.3f}s (wanted 0.5)")


async def blocker():
    print("blocker: blocking 2s")
    time.sleep(2)
    print("blocker: unblocked")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
