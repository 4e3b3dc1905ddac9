# `await obj` where obj's class defines __await__ (as aiohttp's
# session.get(...) and aiofiles.open(...) results do): it returns another
# coroutine's __await__(), which is then awaited.
import asyncio


class Later:
    def __init__(self, value):
        self._coro = self._get(value)

    async def _get(self, value):
        await asyncio.sleep(0.5)
        return value * 2

    def __await__(self):
        return self._coro.__await__()


class Bad:
    def __await__(self):
        return 42


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await Later(21), round(loop.time() - start, 1))
    results = await asyncio.gather(Later(1)._coro, Later(2)._coro)
    print(results)
    try:
        await Bad()
    except TypeError as e:
        print(e)
    try:
        await object()
    except TypeError as e:
        print(e)


asyncio.run(main())
# expect: 42 0.5
# expect: [2, 4]
# expect: __await__() returned non-iterator of type 'int'
# expect: object object can't be used in 'await' expression
