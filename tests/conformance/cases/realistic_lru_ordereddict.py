"""An LRU session store on OrderedDict, expired by a background sweeper."""
import asyncio
from collections import OrderedDict, namedtuple

Session = namedtuple("Session", ["user", "created", "hits"])


class SessionStore:
    def __init__(self, capacity: int, ttl: float):
        self.capacity, self.ttl = capacity, ttl
        self.data: OrderedDict[str, Session] = OrderedDict()

    def touch(self, sid: str, user: str) -> Session:
        now = asyncio.get_running_loop().time()
        s = self.data.pop(sid, None) or Session(user, now, 0)
        s = s._replace(hits=s.hits + 1)
        self.data[sid] = s
        while len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print(f"evicted {old}")
        return s

    async def sweeper(self, every: float, rounds: int):
        loop = asyncio.get_running_loop()
        for _ in range(rounds):
            await asyncio.sleep(every)
            for sid, s in list(self.data.items()):
                if loop.time() - s.created > self.ttl:
                    del self.data[sid]
                    print(f"[{loop.time():.1f}] expired {sid} ({s.user})")


async def traffic(store: SessionStore):
    for t, sid, user in [(0.1, "s1", "ann"), (0.2, "s2", "bob"), (0.3, "s1", "ann"),
                         (0.4, "s3", "cy"), (0.5, "s4", "dee"), (1.6, "s3", "cy")]:
        await asyncio.sleep(t - asyncio.get_running_loop().time())
        print(store.touch(sid, user))


async def main():
    store = SessionStore(capacity=3, ttl=1.0)
    await asyncio.gather(traffic(store), store.sweeper(0.5, 5))
    print(list(store.data), Session._fields)


asyncio.run(main())
