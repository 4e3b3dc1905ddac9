"""Six timers with the same deadline fire in creation order (FIFO): ties
are broken by creation number (see TRACE_FORMAT.md, timer ties)."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_at(1.0, print, "timer", i)
    await asyncio.sleep(2)


asyncio.run(main())
