"""Tasks with different sleep lengths finish in deadline order."""
import asyncio
import time


async def nap(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{time.time():.2f} {name} woke after {seconds}")
    return name


async def main():
    tasks = [asyncio.create_task(nap(n, s))
             for n, s in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]]
    for t in tasks:
        await t
    print("order of creation:", [t.get_name() for t in tasks])


asyncio.run(main())
