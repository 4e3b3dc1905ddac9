# gh-102780 (fixed in 3.11.3): asyncio.timeout() inside a task that is
# already being cancelled. 3.11.7 turns the expired timeout into
# TimeoutError; 3.11.2 lets the CancelledError through.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled once, cancelling() =", asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout -> TimeoutError")
    except asyncio.CancelledError:
        print("timeout -> CancelledError")
    return "worker done"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t)


asyncio.run(main())
