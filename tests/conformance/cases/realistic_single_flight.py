import asyncio
from functools import partial


class SingleFlight:
    """Coalesce concurrent calls for the same key into one."""

    def __init__(self):
        self._inflight: dict[str, asyncio.Future] = {}
        self.calls = 0

    async def do(self, key, fn):
        if key in self._inflight:
            return await self._inflight[key]
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._inflight[key] = fut
        try:
            self.calls += 1
            result = await fn()
            fut.set_result(result)
            return result
        except Exception as e:
            fut.set_exception(e)
            raise
        finally:
            del self._inflight[key]


async def load(key, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise LookupError(f"{key} not found")
    return f"value-of-{key}"


async def main():
    sf = SingleFlight()
    tasks = [asyncio.create_task(sf.do("a", partial(load, "a", 0.2))) for _ in range(3)]
    tasks += [asyncio.create_task(sf.do("b", partial(load, "b", 0.1, fail=True))) for _ in range(2)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    print("underlying calls:", sf.calls)
    r = await asyncio.wait_for(sf.do("c", partial(load, "c", 0.05)), timeout=1)
    print(r, sf.calls)
    try:
        await asyncio.wait_for(sf.do("d", partial(load, "d", 5)), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out; in flight:", list(sf._inflight))

asyncio.run(main())
