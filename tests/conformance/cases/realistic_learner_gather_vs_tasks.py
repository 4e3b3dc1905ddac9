"""When does a coroutine start? Created coroutines vs created tasks."""
import asyncio


async def job(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} ends")
    return name


async def main():
    c1, c2 = job("coro-1", 0.2), job("coro-2", 0.1)
    print("coroutines created, nothing ran yet")
    await asyncio.sleep(0.3)
    print("gathered:", await asyncio.gather(c1, c2))
    t1 = asyncio.create_task(job("task-1", 0.2))
    t2 = asyncio.create_task(job("task-2", 0.1))
    print("tasks created")
    await asyncio.sleep(0.3)
    print("tasks already done:", t1.done(), t2.done())
    print("results:", await t1, await t2)


asyncio.run(main())
