"""A task waiting for a Lock is cancelled; the lock goes to the next one."""
import asyncio


async def user(name, lock):
    try:
        async with lock:
            print(f"{name} has the lock")
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(user(n, lock)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.1)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
