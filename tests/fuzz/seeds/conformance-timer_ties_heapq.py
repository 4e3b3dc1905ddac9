"""The same six equal deadlines in raw heapq order, as CPython itself does
for bit-identical deadlines (this case runs with --heap-ties)."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_at(1.0, print, "timer", i)
    await asyncio.sleep(2)


asyncio.run(main())
