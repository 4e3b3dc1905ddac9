"""ensure_future wraps a coroutine in a task and returns futures as they are."""
import asyncio


async def value(v):
    await asyncio.sleep(0.1)
    return v


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(value("from coroutine"))
    print("is a task:", isinstance(t, asyncio.Task))
    f = loop.create_future()
    same = asyncio.ensure_future(f)
    print("future returned unchanged:", same is f)
    loop.call_later(0.2, f.set_result, "from future")
    print(await t)
    print(await f)


asyncio.run(main())
