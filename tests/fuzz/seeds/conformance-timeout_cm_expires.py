"""async with asyncio.timeout(): the block is cancelled at the deadline and
TimeoutError comes out of the with statement."""
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.5) as cm:
            print("deadline", cm.when())
            await asyncio.sleep(2)
            print("not reached")
    except TimeoutError:
        print("expired:", cm.expired())
    print("task cancelling() back to", asyncio.current_task().cancelling())


asyncio.run(main())
