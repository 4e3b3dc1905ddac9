"""Jobs with priorities through a PriorityQueue of ordered dataclasses."""
import asyncio
import itertools
from dataclasses import dataclass, field

counter = itertools.count()


@dataclass(order=True)
class Job:
    priority: int
    seq: int = field(default_factory=lambda: next(counter))
    name: str = field(default="", compare=False)
    cost: float = field(default=0.1, compare=False)


async def dispatcher(queue: asyncio.PriorityQueue, done: list):
    while True:
        job = await queue.get()
        if job.name == "stop":
            queue.task_done()
            break
        await asyncio.sleep(job.cost)
        done.append(job.name)
        print(f"ran {job.name} (p{job.priority})")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for prio, name in [(3, "reindex"), (1, "page-oncall"), (2, "email"), (1, "rollback"), (5, "cleanup")]:
        queue.put_nowait(Job(prio, name=name))
    queue.put_nowait(Job(9, name="stop"))
    done = []
    await dispatcher(queue, done)
    print(done)
    print(Job(1, 0, "x") < Job(1, 1, "a"), Job(2, 5, "a"))


asyncio.run(main())
