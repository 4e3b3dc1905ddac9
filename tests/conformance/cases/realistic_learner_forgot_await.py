"""A learner forgets await: the coroutine never runs, and Python warns."""
import asyncio


async def save(record: dict) -> bool:
    await asyncio.sleep(0.1)
    print("saved", record)
    return True


async def main():
    result = save({"id": 1})          # forgot await
    print("result is", type(result).__name__)
    ok = await save({"id": 2})
    print("second save:", ok)
    asyncio.create_task(save({"id": 3}))   # fire and forget, never awaited
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
