"""Awaiting a future that nobody resolves; the partial output line is
flushed before the deadlock line."""
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    print("waiting forever... ", end="")
    await fut


asyncio.run(main())
