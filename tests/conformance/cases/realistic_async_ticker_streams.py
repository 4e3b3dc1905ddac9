import asyncio
import contextlib


class Ticker:
    def __init__(self, n, delay):
        self.n = n
        self.delay = delay
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i


async def countdown(name, n):
    try:
        while n > 0:
            yield f"{name}:{n}"
            n -= 1
            await asyncio.sleep(0.1)
    finally:
        print(f"countdown {name} closed")


@contextlib.asynccontextmanager
async def opened(name):
    print(f"open {name}")
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        print(f"close {name}")


async def main():
    async for t in Ticker(3, 0.2):
        print("tick", t)
    vals = [v async for v in countdown("a", 3)]
    print(vals)
    async with opened("db") as conn, opened("cache") as cache:
        print(conn, cache)
    gen = countdown("b", 5)
    async for v in gen:
        print(v)
        if v.endswith("3"):
            break
    await gen.aclose()
    squares = [x * x async for x in Ticker(4, 0.01) if x % 2 == 0]
    print(squares)
    it = aiter(Ticker(2, 0))
    print(await anext(it), await anext(it), await anext(it, "done"))
    async with contextlib.AsyncExitStack() as stack:
        names = [await stack.enter_async_context(opened(n)) for n in ("x", "y")]
        print(names)

asyncio.run(main())
