"""A task cancelled before its first step never runs its body."""
import asyncio


async def never():
    print("this line never runs")


async def main():
    t = asyncio.create_task(never())
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())


asyncio.run(main())
