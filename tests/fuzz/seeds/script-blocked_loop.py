# A task that never awaits is stopped by the instruction budget.
import asyncio

async def spin():
    n = 0
    while True:  # expect error: the event loop is blocked at line 6
        n += 1

asyncio.run(spin())
