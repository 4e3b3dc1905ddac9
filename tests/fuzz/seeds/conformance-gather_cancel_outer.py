"""Cancelling the gather future cancels every unfinished child."""
import asyncio


async def child(n):
    try:
        await asyncio.sleep(n)
        print(f"child {n} done")
    except asyncio.CancelledError:
        print(f"child {n} cancelled")
        raise


async def main():
    g = asyncio.gather(child(0.1), child(1), child(2))
    await asyncio.sleep(0.5)
    print("cancel returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather is cancelled:", g.cancelled())


asyncio.run(main())
