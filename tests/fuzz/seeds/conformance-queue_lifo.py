"""LifoQueue hands out the most recent item first; getters wait in FIFO
order."""
import asyncio


async def getter(name, q):
    item = await q.get()
    print(f"{name} got {item}")


async def main():
    q = asyncio.LifoQueue()
    getters = [asyncio.create_task(getter(f"g{i}", q)) for i in range(2)]
    await asyncio.sleep(0)
    for item in ("first", "second"):
        q.put_nowait(item)
    await asyncio.gather(*getters)
    for item in ("a", "b", "c"):
        q.put_nowait(item)
    print([q.get_nowait() for _ in range(3)])


asyncio.run(main())
