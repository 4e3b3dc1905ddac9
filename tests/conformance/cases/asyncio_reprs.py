# Reprs of asyncio's objects and the sets asyncio.wait returns: what
# print() shows for each, as CPython 3.11 prints them.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def fail():
    raise ValueError("bad")


def on_done(fut):
    pass


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(work(1))
    t2 = asyncio.create_task(work(2))
    print(t1)
    done, pending = await asyncio.wait([t2, t1], return_when=asyncio.FIRST_COMPLETED)
    print(type(done).__name__, type(pending).__name__, len(done), len(pending))
    print(done == {t1}, pending == {t2}, isinstance(done, set))
    print(t1)
    print(t2)
    q = asyncio.Queue()
    print(q)
    q.put_nowait(1)
    print(q)
    q2 = asyncio.Queue(maxsize=1)
    q2.put_nowait("x" * 40)
    print(q2)
    p = asyncio.create_task(q2.put(6))
    q3 = asyncio.Queue()
    g = asyncio.create_task(q3.get())
    await asyncio.sleep(0)
    print(q2)
    print(q3)
    print(asyncio.PriorityQueue(), asyncio.LifoQueue(3))
    f = loop.create_future()
    print(f)
    f.add_done_callback(on_done)
    print(f)
    f.set_result(42)
    print(f)
    for value in ["y" * 50, list(range(10)), (1,), 10 ** 18 * 7, 1.5, None, [[[[[[[1]]]]]]]]:
        f = loop.create_future()
        f.set_result(value)
        print(f)
    f2 = loop.create_future()
    f2.set_exception(ValueError("bad"))
    print(f2)
    f2.exception()
    f3 = loop.create_future()
    f3.cancel()
    print(f3)
    e = asyncio.Event()
    print(e)
    e.set()
    print(e)
    lock = asyncio.Lock()
    print(lock)
    await lock.acquire()
    print(lock)
    lock.release()
    print(asyncio.Semaphore(2), asyncio.BoundedSemaphore(1))
    print(asyncio.Condition())
    h = loop.call_soon(print, "x")
    print(h)
    h2 = loop.call_soon(on_done, 1)
    print(h2)
    h2.cancel()
    print(h2)
    th = loop.call_later(5, print, "y")
    print(th)
    th.cancel()
    print(th)
    t3 = asyncio.create_task(fail())
    await asyncio.sleep(0)
    print(t3)
    t3.exception()
    t4 = asyncio.create_task(work(3))
    t4.cancel()
    print(t4)
    await asyncio.sleep(0)
    print(t4)
    await t2
    print(t2)
    p.cancel()
    g.cancel()


asyncio.run(main())
