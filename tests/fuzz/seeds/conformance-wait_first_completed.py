"""return_when=FIRST_COMPLETED returns as soon as one task is done."""
import asyncio


async def job(n, delay):
    await asyncio.sleep(delay)
    return n


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [(1, 0.3), (2, 0.1), (3, 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first done:", [t.result() for t in done])
    print("still pending:", [t.get_name() for t in pending])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("all cancelled:", all(t.cancelled() for t in pending))


asyncio.run(main())
