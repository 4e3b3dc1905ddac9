"""A task that only ever yields with sleep(0) keeps the ready queue full, so
virtual time never advances and the 1 s timer never comes due.  The run is
stopped by the iteration limit (this case runs with --max-iters=40)."""
import asyncio


async def spinner():
    n = 0
    while True:
        n += 1
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(spinner())
    await asyncio.sleep(1)
    print("never reached: the clock cannot move")


asyncio.run(main())
