"""A leftover task swallows asyncio.run's cancellation and then waits for an
Event nobody sets: the shutdown itself deadlocks (exit status 3)."""
import asyncio


async def stubborn(ev):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled, now waiting for an event")
        await ev.wait()


async def main():
    ev = asyncio.Event()
    asyncio.create_task(stubborn(ev))
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
