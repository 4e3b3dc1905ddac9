"""What gather() returns is an asyncio.tasks._GatheringFuture (a subclass
of _asyncio.Future) when it has children, a plain Future when it has none."""
import asyncio


async def work(n):
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    g = asyncio.gather(work(1), work(2))
    t = type(g)
    print(t.__name__, t.__module__, t.__mro__)
    print(isinstance(g, asyncio.Future), issubclass(t, asyncio.Future), t is asyncio.Future)
    print(g)
    print(await g, g.done(), g.result())
    empty = asyncio.gather()
    print(type(empty).__name__, type(empty).__module__, empty)
    print(asyncio.Future, asyncio.Task)


asyncio.run(main())
