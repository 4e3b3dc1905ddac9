import asyncio
import random
from dataclasses import dataclass, field
from itertools import count

_ids = count(1)


@dataclass(order=True)
class Job:
    priority: int
    id: int = field(default_factory=lambda: next(_ids))
    payload: str = field(default="", compare=False)
    result: object = field(default=None, compare=False, repr=False)


async def worker(name, queue, done, stats):
    while True:
        job = await queue.get()
        try:
            dur = round(random.expovariate(5), 3)
            await asyncio.sleep(dur)
            if "fail" in job.payload:
                raise ValueError(f"cannot process {job.payload!r}")
            job.result = job.payload[::-1]
            done.append((name, job))
            stats[name] = stats.get(name, 0) + 1
        except ValueError as e:
            print(f"{name}: job {job.id} error: {e}")
        finally:
            queue.task_done()


async def main():
    random.seed(2024)
    queue = asyncio.PriorityQueue()
    payloads = ["alpha", "beta", "fail-1", "gamma", "delta", "fail-2", "omega"]
    for p in payloads:
        queue.put_nowait(Job(priority=random.randint(1, 3), payload=p))
    done, stats = [], {}
    workers = [asyncio.create_task(worker(f"w{i}", queue, done, stats)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    for name, job in done:
        print(f"{name} -> {job} result={job.result}")
    print(dict(sorted(stats.items())))
    print(f"{random.random():.6f} {random.choices('abc', weights=[1, 2, 3], k=5)} {random.triangular(0, 10, 3):.4f}")
    items = list(range(10))
    random.shuffle(items)
    print(items, random.getrandbits(16), random.randrange(0, 100, 5))

asyncio.run(main())
