"""wait_for around Queue.get: the timed-out getter is removed and does not
steal a later item."""
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=0.2)
    except asyncio.TimeoutError:
        print("no item within 0.2s")
    q.put_nowait("late item")
    print("got", await asyncio.wait_for(q.get(), timeout=0.2))


asyncio.run(main())
