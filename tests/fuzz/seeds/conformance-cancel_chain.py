"""Cancelling a task that awaits another task cancels down the chain."""
import asyncio


async def bottom():
    try:
        await asyncio.sleep(5)
    finally:
        print("bottom exits")


async def middle():
    try:
        await asyncio.create_task(bottom())
    finally:
        print("middle exits")


async def main():
    t = asyncio.create_task(middle())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("top-level cancel done")


asyncio.run(main())
