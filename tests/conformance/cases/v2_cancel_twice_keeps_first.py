# A second cancel() before the task runs keeps the first CancelledError
# (3.11's __step): the step line shows the waited future's error.
import asyncio


async def worker():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("first")
    t.cancel("second")
    try:
        await t
    except asyncio.CancelledError as e:
        print("got", e.args)


asyncio.run(main())
