# A task that never awaits is stopped by the instruction budget.
import asyncio

async def spin():
    n = 0
    while True:  # expect error: max-instructions=10000000 reached (the event loop is blocked at line 6 by Task-1, no await)
        n += 1

asyncio.run(spin())
