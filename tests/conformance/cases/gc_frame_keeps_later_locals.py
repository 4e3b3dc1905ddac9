"""A traceback keeps the frame it passed through, and the frame keeps the
locals it has when it ends, also those assigned after the exception was
caught. `first`'s error passes through worker's frame, which holds
`first`: a cycle. `later`, made after the catch, fails unretrieved; it is
reported only when that cycle is collected at loop.close(), not when
worker ends (found by the fuzzer, seeds 87, 234 and 276 with --gc)."""
import asyncio


async def leaf(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(name + " failed")


async def worker():
    first = asyncio.create_task(leaf("first", 0))
    try:
        await first
    except ValueError as e:
        print("caught", e)
    later = asyncio.create_task(leaf("later", 0.1))
    await asyncio.sleep(0.2)
    print("worker done", later.done())


async def main():
    await worker()
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
