# Reprs of handles whose callbacks are partials, bound methods, long
# arguments; wait() with a timeout; Barrier in a TaskGroup; reprlib dicts.
import asyncio
import functools


def f(*args, **kw):
    pass


class K:
    def m(self, x):
        pass


async def coro_fn():
    await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.call_soon(functools.partial(f, 1), 2))
    print(loop.call_soon(functools.partial(f, 1, k=3)))
    print(loop.call_soon(K().m, "long" * 20))
    print(loop.call_later(1.5, f, [1, 2, 3, 4, 5, 6, 7, 8]))
    print(loop.call_at(2.5, print))
    t = asyncio.create_task(coro_fn())
    done, pending = await asyncio.wait({t}, timeout=0.05)
    print(done, len(pending), type(pending))
    await t
    b = asyncio.Barrier(3)
    async def member(i):
        async with b as pos:
            return pos
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(member(i)) for i in range(3)]
    print(sorted(x.result() for x in ts))
    fut = loop.create_future()
    fut.set_result({"a": 1, "b": [1] * 10})
    print(fut)


asyncio.run(main())
