"""PriorityQueue hands out the smallest item first."""
import asyncio


async def main():
    q = asyncio.PriorityQueue()
    for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await q.put((prio, job))
    while not q.empty():
        prio, job = await q.get()
        print(prio, job)


asyncio.run(main())
