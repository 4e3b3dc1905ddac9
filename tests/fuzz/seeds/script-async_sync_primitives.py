# Queue, Event, Lock, wait_for and cancellation.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item

async def guarded(lock, name, log):
    async with lock:
        log.append(name + "+")
        await asyncio.sleep(0.1)
        log.append(name + "-")

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise

async def main():
    q = asyncio.Queue(maxsize=2)
    _, total = await asyncio.gather(producer(q, 5), consumer(q))
    print("total", total)  # expect: total 10
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woken"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await w)  # expect: woken
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(guarded(lock, "a", log), guarded(lock, "b", log))
    print(log)  # expect: ['a+', 'a-', 'b+', 'b-']
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")  # expect: timed out
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())  # expect: sleeper cancelled
# expect: cancelled: True

asyncio.run(main())
