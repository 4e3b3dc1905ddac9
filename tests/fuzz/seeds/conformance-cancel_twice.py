"""Two cancel() calls: the counter says 2, one CancelledError is delivered."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker cancelled once, cancelling() =",
              asyncio.current_task().cancelling())
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("cancel() on a finished task:", t.cancel())


asyncio.run(main())
