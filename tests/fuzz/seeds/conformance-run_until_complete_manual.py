"""Driving a loop by hand: new_event_loop, run_until_complete, close."""
import asyncio


async def compute(x):
    await asyncio.sleep(0.1)
    return x * 10


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(compute(1)))
task = loop.create_task(compute(2))
print(loop.run_until_complete(task))
print("loop closed?", loop.is_closed())
loop.close()
print("loop closed?", loop.is_closed())
