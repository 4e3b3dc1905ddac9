"""An async cache with a time-to-live and request coalescing."""
import asyncio
import time


class AsyncTTLCache:
    def __init__(self, ttl: float):
        self.ttl = ttl
        self._data: dict[str, tuple[float, object]] = {}
        self._inflight: dict[str, asyncio.Future] = {}
        self.hits = self.misses = 0

    async def get(self, key: str, loader):
        now = time.monotonic()
        if key in self._data:
            stamp, value = self._data[key]
            if now - stamp < self.ttl:
                self.hits += 1
                return value
            del self._data[key]
        if key in self._inflight:
            self.hits += 1
            return await self._inflight[key]
        self.misses += 1
        fut = asyncio.get_running_loop().create_future()
        self._inflight[key] = fut
        try:
            value = await loader(key)
        except Exception as exc:
            fut.set_exception(exc)
            raise
        else:
            fut.set_result(value)
            self._data[key] = (time.monotonic(), value)
            return value
        finally:
            del self._inflight[key]

    @property
    def stats(self) -> str:
        return f"hits={self.hits} misses={self.misses} size={len(self._data)}"


async def slow_lookup(key: str) -> str:
    await asyncio.sleep(0.3)
    return key.upper()


async def main():
    cache = AsyncTTLCache(ttl=1.0)
    first = await asyncio.gather(*(cache.get(k, slow_lookup) for k in ["a", "b", "a", "a", "c"]))
    print(first, cache.stats)
    await asyncio.sleep(0.5)
    print(await cache.get("a", slow_lookup), cache.stats)
    await asyncio.sleep(1.0)
    print(await cache.get("a", slow_lookup), cache.stats)


asyncio.run(main())
