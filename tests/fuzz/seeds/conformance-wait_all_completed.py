"""asyncio.wait with the default ALL_COMPLETED; done/pending iterate in
creation order."""
import asyncio


async def job(n):
    await asyncio.sleep(0.4 - n / 10)
    return n


async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks)
    print("done:", [t.result() for t in done], "pending:", len(pending))


asyncio.run(main())
