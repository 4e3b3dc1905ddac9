"""Without return_exceptions the first exception reaches the awaiting task;
the other children keep running."""
import asyncio


async def slow(n):
    await asyncio.sleep(n)
    print(f"slow {n} still finished")
    return n


async def boom():
    await asyncio.sleep(0.1)
    raise RuntimeError("boom")


async def main():
    try:
        await asyncio.gather(slow(0.5), boom(), slow(0.3))
    except RuntimeError as e:
        print("gather raised", e)
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
