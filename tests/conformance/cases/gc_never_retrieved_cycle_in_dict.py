# Failed tasks nobody awaits. Each worker's frame holds a dict of all the
# tasks, its own included, so the traceback of its exception leads back to
# it: a cycle, reported when the collector runs at loop.close(). A worker
# that holds nothing leading back is reported at once.
import asyncio


async def worker(name, tasks, delay):
    await asyncio.sleep(delay)
    raise KeyError(name)


async def loner(delay):
    await asyncio.sleep(delay)
    raise ValueError("alone")


async def main():
    tasks = {}
    tasks["a"] = asyncio.create_task(worker("a", tasks, 0.1))
    tasks["b"] = asyncio.create_task(worker("b", tasks, 0.2))
    asyncio.create_task(loner(0.3))
    await asyncio.sleep(0.5)
    tasks.clear()
    print("main done")


asyncio.run(main())
print("after run")
