# Task.print_stack: a suspended task's own frame, a task that has not
# started (its `async def` line), and a finished one ("No stack for").
import asyncio


async def nap(n):
    await asyncio.sleep(n)
    return n


async def main():
    t = asyncio.create_task(nap(1))
    t.print_stack()
    await asyncio.sleep(0)
    t.print_stack()
    t.print_stack(limit=0)
    await t
    t.print_stack()
    c = asyncio.create_task(nap(5))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    c.print_stack()


asyncio.run(main())
