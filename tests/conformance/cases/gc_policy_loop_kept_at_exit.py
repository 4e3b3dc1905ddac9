# A loop set as the policy's loop is still referenced by asyncio at exit:
# the collector does not free it, so its pending task never reports.
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


async def briefly():
    for _ in range(3):
        await asyncio.sleep(0)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(spin())
loop.run_until_complete(briefly())
print("exiting without close")
