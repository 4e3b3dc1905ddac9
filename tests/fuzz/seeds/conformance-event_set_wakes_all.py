"""Event.set() wakes every waiter; they resume in the order they waited."""
import asyncio


async def waiter(name, ev):
    print(f"{name} waits")
    await ev.wait()
    print(f"{name} woke")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", ev)) for i in range(3)]
    await asyncio.sleep(0.5)
    print("setting the event")
    ev.set()
    await asyncio.gather(*tasks)
    print("is_set:", ev.is_set())
    print("wait on a set event returns at once:", await ev.wait())


asyncio.run(main())
