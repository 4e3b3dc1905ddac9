"""call_later (relative) and call_at (absolute) timers."""
import asyncio


def ring(label):
    print(f"{label} at {asyncio.get_running_loop().time()}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, ring, "call_later(0.5)")
    loop.call_at(loop.time() + 0.2, ring, "call_at(now + 0.2)")
    loop.call_later(0, ring, "call_later(0)")
    h = loop.call_at(0.8, ring, "call_at(0.8)")
    print("h.when() =", h.when())
    await asyncio.sleep(1)


asyncio.run(main())
