"""New tasks start in creation order, and only once the creator yields."""
import asyncio


async def child(n):
    print(f"child {n} starts")
    await asyncio.sleep(0)
    print(f"child {n} ends")


async def main():
    tasks = []
    for n in range(3):
        tasks.append(asyncio.create_task(child(n)))
        print(f"created child {n}")
    print("main yields now")
    await asyncio.sleep(0)
    print("main is back")
    for t in tasks:
        await t


asyncio.run(main())
