"""A waiting get() is cancelled; the next item goes to the next getter."""
import asyncio


async def getter(name, q):
    try:
        item = await q.get()
        print(f"{name} got {item}")
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter("g1", q))
    g2 = asyncio.create_task(getter("g2", q))
    await asyncio.sleep(0.1)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("item")
    await asyncio.gather(g1, g2, return_exceptions=True)


asyncio.run(main())
