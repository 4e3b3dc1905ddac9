# Fuzz seed 12, reduced: as_completed gives up on a task at its timeout
# and lets go of it; at loop.close() the task and its sleep are a cycle
# nobody holds, so it is destroyed pending there, before "closed".
import asyncio
async def leaf(delay):
    await asyncio.sleep(delay)
async def worker():
    t = asyncio.create_task(leaf(0.5), name="leafy")
    try:
        for f in asyncio.as_completed([t], timeout=0.1):
            await f
    except asyncio.TimeoutError:
        print("timed out")
loop = asyncio.new_event_loop()
loop.run_until_complete(worker())
print("closing")
loop.close()
print("closed")
