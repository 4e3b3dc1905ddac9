"""A Lock subclass whose acquire() is overridden: async with uses it, and
waiters show as Guard#1.acquire; a Semaphore subclass made without __init__."""
import asyncio

class Guard(asyncio.Lock):
    async def acquire(self):
        print("acquire by", asyncio.current_task().get_name())
        return await super().acquire()

class Slots(asyncio.Semaphore):
    pass

async def worker(name, lock, sem):
    async with sem:
        async with lock:
            print(name, "in")
            await asyncio.sleep(0.1)
        print(name, "out")

async def main():
    lock = Guard()
    sem = Slots(2)
    await asyncio.gather(*(worker(f"w{i}", lock, sem) for i in range(3)))
    print(lock.locked(), sem.locked())

asyncio.run(main())
