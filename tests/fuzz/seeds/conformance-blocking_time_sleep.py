"""time.sleep blocks the whole loop: a 0.5 s timer fires 2 s late (the
worked example of TRACE_FORMAT.md)."""
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
