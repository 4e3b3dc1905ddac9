"""Several producers, several consumers, shutdown by sentinels."""
import asyncio
import random

SENTINEL = object()


async def producer(pid: int, q: asyncio.Queue, n: int):
    for i in range(n):
        await asyncio.sleep(random.random() / 5)
        item = f"p{pid}-{i}"
        await q.put(item)
        print(f"producer {pid} put {item} (size {q.qsize()})")


async def consumer(cid: int, q: asyncio.Queue, out: list):
    while True:
        item = await q.get()
        if item is SENTINEL:
            print(f"consumer {cid} exits")
            return
        await asyncio.sleep(0.15)
        out.append((cid, item))


async def main():
    random.seed(3)
    q = asyncio.Queue(maxsize=2)
    out = []
    consumers = [asyncio.create_task(consumer(c, q, out)) for c in range(2)]
    await asyncio.gather(*(producer(p, q, 3) for p in range(3)))
    for _ in consumers:
        await q.put(SENTINEL)
    await asyncio.wait(consumers)
    print(len(out), "items;", sorted(item for _, item in out) == sorted(f"p{p}-{i}" for p in range(3) for i in range(3)))


asyncio.run(main())
