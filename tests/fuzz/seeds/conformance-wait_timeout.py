"""asyncio.wait with a timeout does not raise: unfinished tasks come back
in the pending set."""
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.5, 1.0)]
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    print("after 0.3s:", len(done), "done,", len(pending), "pending")
    done, pending = await asyncio.wait(pending, timeout=2)
    print("later:", sorted(t.result() for t in done), len(pending))


asyncio.run(main())
