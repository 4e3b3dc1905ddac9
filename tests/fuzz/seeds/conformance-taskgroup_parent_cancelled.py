"""The task running a TaskGroup is cancelled from outside: the group
cancels its tasks and the CancelledError propagates."""
import asyncio


async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"child {n} cancelled")
        raise


async def group_owner():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(child(n))
    print("not reached")


async def main():
    owner = asyncio.create_task(group_owner())
    await asyncio.sleep(0.5)
    owner.cancel()
    try:
        await owner
    except asyncio.CancelledError:
        print("owner cancelled")


asyncio.run(main())
