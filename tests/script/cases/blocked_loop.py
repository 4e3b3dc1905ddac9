# A task that never awaits is stopped by the instruction budget (here set
# low, as `loopscope run --max-instructions=1000000` does).
# max-instructions: 1000000
import asyncio

async def spin():
    n = 0
    while True:  # expect error: max-instructions=1000000 reached (the event loop is blocked at line 8 by Task-1, no await)
        n += 1

asyncio.run(spin())
