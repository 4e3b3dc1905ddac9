# An async generator consumed to the end by async for, and one by anext.
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
    print("ticks done")


async def main():
    total = 0
    async for t in ticks(3):
        print("tick", t)
        total += t
    else:
        print("loop finished, total", total)
    agen = ticks(1)
    print("first", await anext(agen))
    print("then", await anext(agen, "nothing"))


asyncio.run(main())
