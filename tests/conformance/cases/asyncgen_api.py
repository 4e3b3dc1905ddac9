# Async generators: async for (else, break), async comprehensions, aiter/anext (default), asend/athrow/aclose, errors.
import asyncio

async def ticker(n, delay=0.1):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker", n, "closed")

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n

async def echo():
    got = None
    while True:
        try:
            got = yield got
        except KeyError as k:
            got = "caught " + repr(k)

async def main():
    out = []
    async for x in ticker(3):
        out.append(x)
    else:
        out.append("else")
    print(out)
    async for x in ticker(5):
        if x == 1:
            break
    print("broke out")
    print([x async for x in Countdown(3)], {x async for x in Countdown(2)})
    print({x: x * 2 async for x in ticker(2, 0)})
    print([await asyncio.sleep(0, v) for v in "ab"])
    agen = ticker(2, 0)
    print(repr(agen).startswith("<async_generator object ticker at 0x"), aiter(agen) is agen)
    print(await anext(agen), await agen.__anext__())
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("exhausted")
    print(await anext(agen, "default"))
    e = echo()
    print(await e.asend(None), await e.asend(1), await e.athrow(KeyError("k")))
    await e.aclose()
    try:
        await e.asend(2)
    except StopAsyncIteration:
        print("closed echo")
    t = ticker(4, 0)
    print(await anext(t))
    await t.aclose()
    await t.aclose()
    ag = (x * 2 async for x in Countdown(3))
    print(repr(ag).startswith("<async_generator object main.<locals>.<genexpr> at 0x"), [y async for y in ag])
    try:
        async for z in 5:
            pass
    except TypeError as te:
        print("TypeError:", te)
    try:
        await anext(5)
    except TypeError as te:
        print("TypeError:", te)

asyncio.run(main())
