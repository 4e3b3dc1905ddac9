"""A fixed pool of workers draining a job queue, with per-worker statistics."""
import asyncio
from collections import Counter, defaultdict

JOBS = [("resize", 0.3), ("upload", 0.5), ("resize", 0.2), ("thumbnail", 0.1),
        ("upload", 0.4), ("resize", 0.3), ("thumbnail", 0.1), ("upload", 0.2)]


async def worker(wid: int, queue: asyncio.Queue, stats: dict) -> None:
    while True:
        kind, cost = await queue.get()
        await asyncio.sleep(cost)
        stats[wid].append(kind)
        print(f"[{asyncio.get_running_loop().time():.1f}] worker {wid} finished {kind}")
        queue.task_done()


async def main() -> None:
    queue = asyncio.Queue()
    stats = defaultdict(list)
    for job in JOBS:
        await queue.put(job)
    tasks = [asyncio.create_task(worker(i, queue, stats), name=f"worker-{i}") for i in range(3)]
    await queue.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for wid in sorted(stats):
        print(f"worker {wid}: {', '.join(stats[wid])}")
    kinds = Counter(kind for kind, _ in JOBS)
    print("by kind:", kinds.most_common())
    print("cancelled:", all(t.cancelled() for t in tasks))


asyncio.run(main())
