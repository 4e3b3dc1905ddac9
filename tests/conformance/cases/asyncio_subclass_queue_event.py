"""Subclasses of asyncio.Queue, PriorityQueue and Event: overridden put/get
call super(); the objects are labelled after the subclass (Counted#1, E#1)."""
import asyncio
class Counted(asyncio.Queue):
    def __init__(self, maxsize):
        super().__init__(maxsize=maxsize)
        self.puts = 0
    async def put(self, item):
        self.puts += 1
        await super().put(item)
class Prio(asyncio.PriorityQueue):
    pass
async def producer(q):
    for i in range(4):
        await q.put(i)
        print("put", i)
async def consumer(q):
    for _ in range(4):
        await asyncio.sleep(0.1)
        print("got", await q.get())
        q.task_done()
async def main():
    q = Counted(1)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    print(q.puts, q.empty(), q.maxsize)
    p = Prio()
    for x in (3, 1, 2):
        p.put_nowait(x)
    print([p.get_nowait() for _ in range(3)], type(p).__name__, isinstance(p, asyncio.Queue))
    e = asyncio.Event()
    class E(asyncio.Event):
        pass
    ev = E()
    async def waiter():
        await ev.wait()
        print("woke")
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.5)
    ev.set()
    await t
asyncio.run(main())
