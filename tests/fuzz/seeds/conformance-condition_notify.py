"""Condition.notify(1) wakes one waiter, notify_all() the rest, in order."""
import asyncio


async def consumer(name, cond, box):
    async with cond:
        await cond.wait()
        print(f"{name} woke, box = {box}")


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, box)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        box.append("one")
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        box.append("all")
        cond.notify_all()
    await asyncio.gather(*tasks)


asyncio.run(main())
