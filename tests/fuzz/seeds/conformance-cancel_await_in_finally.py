"""A cancelled task may still await in its finally block before it ends."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("closing connection...")
        await asyncio.sleep(0.5)
        print("connection closed")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker cancelled at", asyncio.get_running_loop().time())


asyncio.run(main())
