"""shield: cancelling the awaiting task does not cancel the shielded task."""
import asyncio


async def important():
    await asyncio.sleep(1)
    print("important work finished")
    return 42


async def caller(task):
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        print("caller cancelled, task still running:", not task.done())
        raise


async def main():
    task = asyncio.create_task(important())
    c = asyncio.create_task(caller(task))
    await asyncio.sleep(0.2)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("result after all:", await task)


asyncio.run(main())
