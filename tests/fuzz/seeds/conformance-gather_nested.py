"""Nested gathers: cancelling the outer one reaches the inner children."""
import asyncio


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        print(f"leaf {name} exits")


async def main():
    inner = asyncio.gather(leaf("x", 1), leaf("y", 2))
    outer = asyncio.gather(inner, leaf("z", 0.2))
    await asyncio.sleep(0.5)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print("inner cancelled?", inner.cancelled(), "done?", inner.done())


asyncio.run(main())
