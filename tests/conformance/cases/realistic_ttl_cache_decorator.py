import asyncio
import time
import functools
from dataclasses import dataclass


@dataclass
class Entry:
    value: object
    expires: float


class TTLCache:
    def __init__(self, ttl):
        self.ttl = ttl
        self._data: dict = {}
        self.hits = self.misses = 0

    def get(self, key):
        e = self._data.get(key)
        if e is None or e.expires < time.monotonic():
            self.misses += 1
            self._data.pop(key, None)
            return None
        self.hits += 1
        return e.value

    def set(self, key, value):
        self._data[key] = Entry(value, time.monotonic() + self.ttl)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return self.get(key) is not None

    def __repr__(self):
        return f"<TTLCache size={len(self)} hits={self.hits} misses={self.misses}>"


def async_cached(cache):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args):
            key = (fn.__name__, args)
            hit = cache.get(key)
            if hit is not None:
                return hit
            value = await fn(*args)
            cache.set(key, value)
            return value
        return wrapper
    return deco


cache = TTLCache(ttl=1.0)


@async_cached(cache)
async def lookup(user_id: int) -> dict:
    await asyncio.sleep(0.2)
    return {"id": user_id, "name": f"user{user_id}"}


async def main():
    for uid in [1, 2, 1, 1, 3, 2]:
        t = time.perf_counter()
        r = await lookup(uid)
        print(uid, r, f"{time.perf_counter() - t:.1f}s")
    print(cache)
    await asyncio.sleep(1.5)
    print(await lookup(1), cache)
    print(("lookup", (2,)) in cache, len(cache))

asyncio.run(main())
