"""Condition.wait_for re-checks a predicate after every notification."""
import asyncio


async def main():
    cond = asyncio.Condition()
    state = {"count": 0}

    async def incrementer():
        for _ in range(4):
            await asyncio.sleep(0.1)
            async with cond:
                state["count"] += 1
                print("count is", state["count"])
                cond.notify_all()

    t = asyncio.create_task(incrementer())
    async with cond:
        await cond.wait_for(lambda: state["count"] >= 3)
        print("predicate true at", asyncio.get_running_loop().time())
    await t


asyncio.run(main())
