# asyncio's queues, locks and task groups are classes: isinstance and type() work.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    pq = asyncio.PriorityQueue()
    lq = asyncio.LifoQueue()
    ev, lock, sem = asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(2)
    bs, cond = asyncio.BoundedSemaphore(1), asyncio.Condition()
    print(isinstance(q, asyncio.Queue), isinstance(ev, asyncio.Event), isinstance(lock, asyncio.Lock))  # expect: True True True
    print(isinstance(sem, asyncio.Semaphore), isinstance(cond, asyncio.Condition), isinstance(q, asyncio.Event))  # expect: True True False
    print(type(q) is asyncio.Queue, type(pq).__name__, type(lq).__name__, type(bs).__name__, asyncio.Queue)  # expect: True PriorityQueue LifoQueue BoundedSemaphore <class 'asyncio.queues.Queue'>
    print(isinstance(pq, asyncio.PriorityQueue), isinstance(lq, asyncio.LifoQueue), isinstance(bs, asyncio.BoundedSemaphore))  # expect: True True True
    print(isinstance(pq, asyncio.Queue), isinstance(bs, asyncio.Semaphore), isinstance(q, asyncio.PriorityQueue))  # expect: True True False
    t = asyncio.create_task(asyncio.sleep(0))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), isinstance(asyncio.get_running_loop().create_future(), asyncio.Future))  # expect: True True True
    await t
    async with asyncio.TaskGroup() as tg:
        print(isinstance(tg, asyncio.TaskGroup))  # expect: True
    await q.put(1)
    print(q.qsize(), await q.get())  # expect: 1 1

asyncio.run(main())
