# A task nobody keeps (ensure_future's result dropped) waits on a future
# nobody else holds: task and future sit in a reference cycle, freed by
# the cycle collector at loop.close(). Its coroutine is closed first (the
# finally block runs), then the task reports.
import asyncio


async def waits():
    fut = asyncio.get_running_loop().create_future()
    print("waiting")
    try:
        await fut
    finally:
        print("cleanup runs")


async def main():
    asyncio.ensure_future(waits())
    await asyncio.sleep(0.1)
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing")
loop.close()
print("closed")
