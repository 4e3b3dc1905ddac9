"""A cancelled gather raises the CancelledError of its last child in
argument order (CPython 3.11 reuses the loop variable after its loop over
the children), not of the child that finished last."""
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print(name, "cancelled with", e.args)
        raise
    return name


async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 1))
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0)
    # b is cancelled first with a message, a later without one: a finishes
    # last, but the error comes from b, the last argument.
    b.cancel("stop")
    await asyncio.sleep(0)
    a.cancel()
    g.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", e.args)


asyncio.run(main())
