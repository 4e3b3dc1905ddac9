"""wait_for around shield: the timeout cancels only the shield's outer
future, the real work goes on."""
import asyncio


async def work():
    await asyncio.sleep(0.8)
    return "work done"


async def main():
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.3)
    except asyncio.TimeoutError:
        print("gave up waiting; done =", task.done())
    print(await task)
    done_task = asyncio.create_task(work())
    await done_task
    print("shield of a finished task:", await asyncio.shield(done_task))


asyncio.run(main())
