"""Event: many waiters, one set().

Every task waiting on the event wakes in the same iteration after set(),
in the order they started waiting.
"""
# topic: Synchronisation
import asyncio


async def waiter(ev, name):
    print(f"{name} waiting")
    await ev.wait()
    print(f"{name} woke")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("x", "y", "z")]
    await asyncio.sleep(1)
    print("setting the event")
    ev.set()
    await asyncio.gather(*tasks)


asyncio.run(main())
