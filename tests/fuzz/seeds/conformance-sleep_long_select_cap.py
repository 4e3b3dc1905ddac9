"""A sleep longer than a day: the selector timeout is capped at 86400 s, so
the loop wakes once with nothing to do before the timer is due."""
import asyncio
import time


async def main():
    await asyncio.sleep(100000)
    print(f"woke at {time.time()}")


asyncio.run(main())
