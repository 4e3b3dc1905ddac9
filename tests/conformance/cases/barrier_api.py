# asyncio.Barrier: wait() indexes, parties/n_waiting/broken, reset() and
# abort() breaking the waiters, BrokenBarrierError, `async with`, reprs.
import asyncio


async def waiter(b, name):
    try:
        i = await b.wait()
        print(name, "passed with index", i)
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", type(e).__name__, e, isinstance(e, RuntimeError))


async def main():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.Barrier(2)
    print(b, b.parties, b.n_waiting, b.broken)
    t = asyncio.create_task(waiter(b, "first"))
    await asyncio.sleep(0)
    print(b, b.n_waiting)
    async with b as pos:
        print("main entered with", pos, b)
    await t
    print(b)
    t1 = asyncio.create_task(waiter(b, "r1"))
    await asyncio.sleep(0)
    await b.reset()
    print("after reset", b)
    await t1
    print(b)
    t2 = asyncio.create_task(waiter(b, "a1"))
    await asyncio.sleep(0)
    await b.abort()
    print("after abort", b, b.broken, b.n_waiting)
    await t2
    await waiter(b, "late")
    await b.reset()
    print("reset again", b)
    results = await asyncio.gather(*(b.wait() for _ in range(4)))
    print(sorted(results), b)


asyncio.run(main())
