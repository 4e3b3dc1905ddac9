# wait, as_completed, Semaphore, Condition, timeout(), loop.call_later, gather, shield, PriorityQueue.
import asyncio
from asyncio import sleep, Semaphore

async def job(i, sem, cond, results):
    async with sem:
        await sleep(0.1 * i)
        results.append(i)
    async with cond:
        cond.notify_all()

async def main():
    sem = Semaphore(2)
    cond = asyncio.Condition()
    results = []
    tasks = [asyncio.create_task(job(i, sem, cond, results), name=f"job{i}") for i in range(4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.get_name() for t in done])
    for c in asyncio.as_completed(tasks):
        await c
    print(results)
    try:
        async with asyncio.timeout(0.5):
            await sleep(2)
    except TimeoutError:
        print("timeout ctx")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "later")
    print(await fut, loop.time())
    r = await asyncio.gather(sleep(1, "x"), asyncio.sleep(0), return_exceptions=True)
    print(r)
    print(await asyncio.shield(sleep(0.1, 5)))
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(3)])

asyncio.run(main())
# expect: 1 3 ['job0']
# expect: [0, 1, 2, 3]
# expect: timeout ctx
# expect: later 1.9
# expect: ['x', None]
# expect: 5
# expect: [(1, '1'), (2, '2'), (3, '3')]
