"""Queue: a producer and two consumers, with join() and task_done().

get() on an empty queue parks the consumer on a future; put() wakes the
first waiting getter. join() waits until every item has been marked done.
"""
# topic: Synchronisation
import asyncio


async def producer(q):
    for i in range(4):
        await q.put(i)
        print(f"put {i}")
        await asyncio.sleep(0.1)


async def consumer(name, q):
    while True:
        item = await q.get()
        print(f"{name} got {item}")
        await asyncio.sleep(0.25)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(f"c{i}", q)) for i in range(2)]
    await producer(q)
    await q.join()
    print("all items processed")
    for w in workers:
        w.cancel()


asyncio.run(main())
