import asyncio
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Optional


class Stage(Enum):
    FETCHED = auto()
    PARSED = auto()
    STORED = auto()


@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    stage: Stage = field(default=Stage.FETCHED, compare=False)
    history: list = field(default_factory=list, compare=False, repr=False)


async def producer(q: asyncio.Queue, names):
    for i, name in enumerate(names):
        await asyncio.sleep(0.05)
        item = Item(priority=len(name) % 3, name=name)
        await q.put(item)
        print(f"produced {item}")
    await q.put(None)


async def parser(inq: asyncio.Queue, outq: asyncio.PriorityQueue):
    while True:
        item: Optional[Item] = await inq.get()
        if item is None:
            inq.task_done()
            await outq.put((99, None))
            break
        await asyncio.sleep(0.02 * item.priority)
        item.stage = Stage.PARSED
        item.history.append(Stage.PARSED.name)
        await outq.put((item.priority, item))
        inq.task_done()


async def store(outq: asyncio.PriorityQueue, db: dict):
    counts = Counter()
    while True:
        prio, item = await outq.get()
        if item is None:
            break
        item.stage = Stage.STORED
        item.history.append(item.stage.name)
        db[item.name] = item
        counts[item.priority] += 1
    return counts


async def main():
    names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    q = asyncio.Queue(maxsize=2)
    pq = asyncio.PriorityQueue()
    db = {}
    prod = asyncio.create_task(producer(q, names))
    par = asyncio.create_task(parser(q, pq))
    counts = await store(pq, db)
    await asyncio.gather(prod, par)
    print(counts.most_common())
    by_stage = defaultdict(list)
    for name, item in sorted(db.items()):
        by_stage[item.stage].append(name)
        print(f"{name:>8} | {item.priority} | {item.stage} | {item.history}")
    print(dict(by_stage))
    print(sorted(db.values())[:3])
    print(Stage.PARSED, repr(Stage.STORED), Stage["FETCHED"].value, list(Stage))

asyncio.run(main())
