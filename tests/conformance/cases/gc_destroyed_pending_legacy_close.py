# The legacy API: a task looping on sleep(0) is in the ready queue when
# loop.close() clears it, and dies there: "Task was destroyed but it is
# pending!" between "closing" and "closed", as python3 prints it. (The
# loop runs a few sleep(0) rather than sleep(0.1): in virtual time a
# spinner keeps the ready queue full, so the clock never reaches 0.1.)
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


async def briefly():
    for _ in range(3):
        await asyncio.sleep(0)


loop = asyncio.new_event_loop()
loop.create_task(spin())
loop.run_until_complete(briefly())
print("closing")
loop.close()
print("closed")
