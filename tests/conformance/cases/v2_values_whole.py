# Values are rendered whole (TRACE_FORMAT.md v2, change 2): dicts in
# insertion order, sets sorted, other objects by type name, coroutines as
# <coroutine>; cut at 60 code points, never inside a UTF-8 sequence.
import asyncio


class Worker:
    pass


async def echo(x):
    return x


async def main():
    values = [{"b": 1, "a": [1, 2]}, {3, 1, 2}, set(),
              Worker(), "é" * 70, list(range(30)), echo, (1,), ()]
    for v in values:
        await asyncio.create_task(echo(v))
    c = echo(1)
    await asyncio.create_task(echo(c))
    del c
    print("done")


asyncio.run(main())
