"""Lock waiters get the lock in the order they asked for it."""
import asyncio


async def user(name, lock, hold):
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(hold)
    print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user("a", lock, 0.3), user("b", lock, 0.1),
                         user("c", lock, 0.2))
    print("locked now?", lock.locked())


asyncio.run(main())
