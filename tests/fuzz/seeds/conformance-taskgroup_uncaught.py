"""An uncaught ExceptionGroup from a TaskGroup ends the program (exit 1)."""
import asyncio


async def bad(n):
    await asyncio.sleep(n / 10)
    raise RuntimeError(f"bad {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(1))


asyncio.run(main())
