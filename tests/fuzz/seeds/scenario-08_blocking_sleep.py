"""The blocking pitfall: time.sleep inside a coroutine stops the whole loop.

time.sleep(2) does not yield: the loop cannot run anything else, so the
0.5 s timer of the other task fires 1.5 s late. Use `await
asyncio.sleep()` instead.
"""
# topic: Pitfalls
import asyncio
import time


async def timer():
    start = time.monotonic()
    await asyncio.sleep(0.5)
    print(f"timer woke after {time.monotonic() - start:.3f}s (wanted 0.5)")


async def blocker():
    print("blocker: blocking 2s")
    time.sleep(2)
    print("blocker: unblocked")


async def main():
    await asyncio.gather(timer(), blocker())


asyncio.run(main())
