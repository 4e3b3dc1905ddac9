"""A worker that stops after being idle too long (wait_for on queue.get)."""
import asyncio


async def worker(q: asyncio.Queue, idle: float) -> int:
    handled = 0
    while True:
        try:
            job = await asyncio.wait_for(q.get(), timeout=idle)
        except asyncio.TimeoutError:
            print(f"idle for {idle}s, stopping after {handled} jobs")
            return handled
        await asyncio.sleep(job)
        handled += 1
        print(f"handled job of {job}s")


async def feeder(q: asyncio.Queue):
    for delay, job in [(0.1, 0.2), (0.1, 0.1), (0.5, 0.3), (1.5, 0.1)]:
        await asyncio.sleep(delay)
        q.put_nowait(job)


async def main():
    q = asyncio.Queue()
    handled, _ = await asyncio.gather(worker(q, 1.0), feeder(q))
    print("handled", handled, "left", q.qsize())


asyncio.run(main())
