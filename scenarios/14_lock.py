"""Lock: one task at a time inside the critical section, first come first served.

The first task takes the lock without waiting; the others park on futures
in arrival order and are woken one by one as the lock is released.
"""
# topic: More tools
# watch: the Lock in the event-loop panel: who holds it, and who waits.
# checkpoint: when "A has the lock" prints: A took the lock without waiting;
#   B and C will queue behind it.
# ask: what prints next
# checkpoint: when "A released it" prints: A let go at {time}; the first
#   waiter has been woken to take the lock.
# ask: which task runs next
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
