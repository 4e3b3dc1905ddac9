# Producers and consumers over one bounded Queue.
import asyncio

PRODUCERS = 4
CONSUMERS = 8
ITEMS = 50000


async def producer(q, base):
    for i in range(ITEMS):
        await q.put(base + i)


async def consumer(q, totals):
    while True:
        item = await q.get()
        totals[0] += item
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=100)
    totals = [0]
    consumers = [asyncio.create_task(consumer(q, totals)) for _ in range(CONSUMERS)]
    await asyncio.gather(*[producer(q, p * ITEMS) for p in range(PRODUCERS)])
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print("sum", totals[0])


asyncio.run(main())
