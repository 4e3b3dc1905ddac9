"""A timer cancelled after it came due but before it ran: it is already in
the ready queue ('not in heap') and is skipped there."""
import asyncio


def first(loop, other):
    print("first runs and cancels the second")
    other[0].cancel()


def second():
    print("second (not printed)")


async def main():
    loop = asyncio.get_running_loop()
    other = []
    loop.call_at(1.0, first, loop, other)
    other.append(loop.call_at(1.0, second))
    await asyncio.sleep(2)
    print("done")


asyncio.run(main())
