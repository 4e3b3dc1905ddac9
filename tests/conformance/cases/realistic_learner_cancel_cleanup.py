"""Cancelling a task that swallows CancelledError, and one that cleans up properly."""
import asyncio


async def stubborn():
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn: ignoring cancel")
            return "survived"


async def polite():
    try:
        await asyncio.sleep(10)
    finally:
        print("polite: releasing resources")


async def main():
    s = asyncio.create_task(stubborn())
    p = asyncio.create_task(polite())
    await asyncio.sleep(0.1)
    s.cancel()
    p.cancel()
    print(await asyncio.gather(s, p, return_exceptions=True))
    print(s.cancelled(), p.cancelled())


asyncio.run(main())
