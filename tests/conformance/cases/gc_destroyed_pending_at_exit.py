# A loop that is never closed: at interpreter exit its __del__ closes it
# (`loop close`), the spinner in its ready queue dies with the queue and
# the task waiting on an Event dies in the cycle collection; both report.
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


async def waits(ev):
    await ev.wait()


async def briefly():
    for _ in range(3):
        await asyncio.sleep(0)


loop = asyncio.new_event_loop()
ev = asyncio.Event()
loop.create_task(spin())
loop.create_task(waits(ev))
loop.run_until_complete(briefly())
print("exiting without close")
