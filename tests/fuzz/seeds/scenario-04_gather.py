"""gather: run awaitables concurrently, collect results in argument order.

Each coroutine is wrapped in a task, in argument order. The results come
back in that same order, whatever order the tasks finish in. The parent
resumes two iterations after the last child finishes: one for gather's
done-callback, one for the parent's wakeup.
"""
# topic: Tasks
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2))
    print("results:", results)


asyncio.run(main())
