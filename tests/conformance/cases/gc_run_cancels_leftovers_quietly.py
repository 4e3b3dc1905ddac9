# asyncio.run cancels the tasks main left behind (a spinner, a sleeper and
# a task nobody holds that waits on a future nobody holds) and waits for
# them: none of them is destroyed pending, so nothing is reported.
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


async def sleeper():
    await asyncio.sleep(10)


async def waits():
    fut = asyncio.get_running_loop().create_future()
    try:
        await fut
    except asyncio.CancelledError:
        print("cancelled by asyncio.run")
        raise


async def main():
    asyncio.create_task(spin())
    asyncio.create_task(sleeper())
    asyncio.ensure_future(waits())
    for _ in range(3):
        await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print("end")
