"""Calling a coroutine function without awaiting it: a RuntimeWarning when
the coroutine object is dropped."""
import asyncio


async def save(record):
    print("saving", record)


async def main():
    save("forgotten")
    print("main continues")
    await save("awaited")


asyncio.run(main())
