"""A cancelled timer stays in the heap until it reaches the head."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    a = loop.call_later(1, print, "a")
    b = loop.call_later(2, print, "b")
    loop.call_later(3, print, "c")
    b.cancel()
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("a was at the head and is gone, b is next")
    await asyncio.sleep(5)


asyncio.run(main())
