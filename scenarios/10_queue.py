"""Queue: producers and consumers, with join() and task_done().

A producer puts work items into an asyncio.Queue; consumers take them out
as they can. get() on an empty queue parks the consumer until an item
arrives; put() on a full queue (maxsize=2 here) parks the producer until
there is room. join() waits until every item has been marked task_done().
"""
# topic: Producers and consumers
# watch: the Queue in the event-loop panel: the items it holds, and the
#   consumers parked on get() while it is empty.
# checkpoint: when "c0 got 0" prints: c0 took the first item at {time}; c1
#   still waits on get() for the next one.
# ask: what prints next
# checkpoint: when "put 2" prints: the producer puts item 2 at {time}, but
#   both consumers are still busy with their items.
# ask: when does the next line print
# checkpoint: when "all items processed" prints: join() returned at {time},
#   once the last item was marked done; main then cancels the consumers.
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
