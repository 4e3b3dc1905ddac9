"""Sequential sleeps: the virtual clock jumps straight to each deadline."""
import asyncio
import time


async def main():
    print(f"start at {time.monotonic()}")
    await asyncio.sleep(1)
    print(f"after 1s: {time.monotonic()}")
    await asyncio.sleep(0.25)
    print(f"after 0.25s more: {time.monotonic()}")
    loop = asyncio.get_running_loop()
    print(f"loop.time() agrees: {loop.time()}")


asyncio.run(main())
