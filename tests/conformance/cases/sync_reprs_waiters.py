# Reprs of the synchronization primitives with waiters, of a TaskGroup and
# timeout, and of futures whose callbacks are methods, lambdas, builtins.
import asyncio


class Listener:
    def on_done(self, fut):
        pass


async def main():
    e = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    cond = asyncio.Condition()
    await lock.acquire()
    await sem.acquire()
    waiters = [asyncio.create_task(e.wait()), asyncio.create_task(lock.acquire()),
               asyncio.create_task(sem.acquire()), asyncio.create_task(e.wait())]
    await asyncio.sleep(0)
    print(e)
    print(lock)
    print(sem)
    async with cond:
        print(cond)
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(Listener().on_done)
    print(f)
    f.add_done_callback(lambda fut: None)
    print(f)
    f.add_done_callback(print)
    f.add_done_callback(print)
    print(f)
    for w in waiters:
        w.cancel()
    await asyncio.sleep(0)
    print(e, lock, sem)


asyncio.run(main())
