# N tasks suspended on one Event: the memory a waiting task costs.
import asyncio

N = 100000


async def waiter(event):
    await event.wait()


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(N)]
    await asyncio.sleep(0.01)
    event.set()
    await asyncio.gather(*tasks)
    print("waited", N)


asyncio.run(main())
