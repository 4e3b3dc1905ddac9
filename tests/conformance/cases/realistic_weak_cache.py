"""An object cache keyed weakly: sessions live while a task uses them, then drop out of the cache."""
import asyncio
import weakref


class Session:
    def __init__(self, user: str):
        self.user = user
        self.hits = 0

    def __repr__(self):
        return f"Session({self.user!r}, hits={self.hits})"


class SessionCache:
    def __init__(self):
        self._cache = weakref.WeakValueDictionary()
        self.created = 0

    def get(self, user: str) -> Session:
        session = self._cache.get(user)
        if session is None:
            session = Session(user)
            self._cache[user] = session
            self.created += 1
        session.hits += 1
        return session

    def live(self):
        return sorted(self._cache.keys())


def closed(user):
    print(f"session of {user} collected")


async def worker(cache: SessionCache, user: str, rounds: int):
    session = cache.get(user)
    weakref.finalize(session, closed, user)
    for _ in range(rounds):
        await asyncio.sleep(0.1)
        cache.get(user)
    print(f"{user} finished with {session}")


async def main():
    cache = SessionCache()
    await asyncio.gather(worker(cache, "ann", 2), worker(cache, "bob", 4))
    print("live after gather:", cache.live(), "created:", cache.created)
    keep = cache.get("cid")
    r = weakref.ref(keep, lambda wr: print("ref callback, dead:", wr() is None))
    print(r() is keep, cache.live(), len(cache._cache))
    del keep
    print("after del:", r(), cache.live())
    print("cid" in cache._cache, cache._cache.get("cid", "missing"))


asyncio.run(main())
