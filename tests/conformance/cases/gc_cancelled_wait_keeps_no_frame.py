"""A task that gave up waiting for a lock (asyncio.timeout cancelled its
acquire) then starts a failing task nobody keeps: python3's C Future raises
the CancelledError without a Python frame, so nothing ties the dropped
task to a cycle and "Task exception was never retrieved" comes at once,
not at loop.close() (found by the fuzzer, seed 13 with --gc)."""
import asyncio


async def fail(name):
    raise ValueError(name + " failed")


async def holder(lock):
    async with lock:
        await asyncio.sleep(0.3)
    print("holder done")


async def gives_up(lock):
    try:
        async with asyncio.timeout(0.1):
            async with lock:
                print("never")
    except TimeoutError:
        print("gave up on the lock")
    dropped = asyncio.create_task(fail("dropped"))
    await asyncio.sleep(0)
    print("dropped done:", dropped.done())


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock), gives_up(lock))
    print("end")


asyncio.run(main())
