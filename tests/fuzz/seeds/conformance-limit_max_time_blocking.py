"""A blocking time.sleep beyond the time limit also stops the run (this case
runs with --max-time=10)."""
import asyncio
import time


async def main():
    await asyncio.sleep(5)
    print("about to block for a minute")
    time.sleep(60)
    print("never")


asyncio.run(main())
