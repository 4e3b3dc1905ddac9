"""asyncio.run twice: two event loops, one virtual clock, one Task-N
counter."""
import asyncio
import time


async def main(tag):
    print(tag, "runs as", asyncio.current_task().get_name(), "at", time.time())
    await asyncio.sleep(1)
    return tag


print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
