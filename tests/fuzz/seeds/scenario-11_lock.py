"""Lock: one task at a time inside the critical section, first come first served.

The first task takes the lock without waiting; the others park on futures
in arrival order and are woken one by one as the lock is released.
"""
# topic: Synchronisation
import asyncio


async def use(lock, name):
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(0.2)
    print(f"{name} released it")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use(lock, "A"), use(lock, "B"), use(lock, "C"))


asyncio.run(main())
