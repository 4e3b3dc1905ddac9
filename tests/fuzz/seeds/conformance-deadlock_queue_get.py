"""Nothing will ever put into the queue: the loop has no ready callbacks and
no timers, so the run is a deadlock (exit status 3)."""
import asyncio


async def consumer(q):
    item = await q.get()
    print("never", item)


async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    print("waiting for the consumer")
    await c


asyncio.run(main())
