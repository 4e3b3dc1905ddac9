"""A leftover task that ignores the cancellation keeps the shutdown waiting
until it finishes on its own."""
import asyncio
import time


async def persistent():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("ignoring cancellation, finishing the job")
        await asyncio.sleep(1)
        print("job finished")


async def main():
    asyncio.create_task(persistent())
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("asyncio.run returned at", time.time())
