"""Calling asyncio.run inside a running loop, and awaiting a plain function: the errors learners meet."""
import asyncio


def compute():
    return 42


async def inner():
    return "inner"


async def main():
    try:
        await compute()
    except TypeError as e:
        print("TypeError:", e)
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await coro)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.1)
    except asyncio.TimeoutError as e:
        print("timeout:", type(e).__name__, isinstance(e, TimeoutError))


asyncio.run(main())
