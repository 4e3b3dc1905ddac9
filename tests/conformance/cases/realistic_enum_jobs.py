# A job queue keyed by IntEnum priorities with str-mixin statuses: dataclass
# ordering, json of asdict(), match on members, sets mixing members and str.
import asyncio, json
from dataclasses import dataclass, asdict
from enum import Enum, IntEnum

class Status(str, Enum):
    PENDING = "pending"
    DONE = "done"

class Prio(IntEnum):
    LOW = 1
    HIGH = 2

@dataclass(order=True)
class Job:
    prio: Prio
    name: str
    status: Status = Status.PENDING

async def main():
    q = asyncio.PriorityQueue()
    for j in [Job(Prio.LOW, "b"), Job(Prio.HIGH, "a"), Job(Prio.LOW, "a")]:
        await q.put((-j.prio, j))
    while not q.empty():
        p, j = await q.get()
        j.status = Status.DONE
        print(p, j, json.dumps(asdict(j)))
        match j.prio:
            case Prio.HIGH:
                print("high")
            case _:
                print("other", j.prio.name)
    print({Status.DONE, "done"}, Status["DONE"], "done" in {s.value for s in Status}, Status("done") in [Status.DONE])
    print(sorted({"x": Prio.HIGH, "y": Prio.LOW}.items(), key=lambda kv: kv[1]))

asyncio.run(main())
