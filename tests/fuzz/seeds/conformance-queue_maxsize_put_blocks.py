"""put() blocks while a bounded queue is full; a get() frees one slot."""
import asyncio


async def producer(q):
    for i in range(4):
        print(f"putting {i} (size {q.qsize()})")
        await q.put(i)
    print("producer finished")


async def main():
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q))
    await asyncio.sleep(1)
    print("full:", q.full())
    while not q.empty() or not p.done():
        item = await q.get()
        print(f"got {item} at {asyncio.get_running_loop().time()}")
        await asyncio.sleep(0.5)


asyncio.run(main())
