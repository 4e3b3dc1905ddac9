"""A producer and two consumers on an unbounded Queue."""
import asyncio


async def producer(q):
    for i in range(5):
        await asyncio.sleep(0.1)
        await q.put(i)
        print(f"produced {i}")
    for _ in range(2):
        await q.put(None)


async def consumer(name, q):
    while True:
        item = await q.get()
        if item is None:
            print(f"{name} stops")
            return
        print(f"{name} consumed {item}")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer("c1", q), consumer("c2", q))


asyncio.run(main())
