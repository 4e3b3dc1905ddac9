"""Cycles through gather's future, collected at loop.close().

1. A worker fails while it holds a gather whose children are still
   running, and main's dict of workers is in the worker's frame: worker ->
   exception -> frame -> dict -> worker. At loop.close() the collector frees
   that cycle with the gather future in it, which reports its own
   unretrieved exception ("_GatheringFuture exception was never retrieved").
2. A gather that failed early keeps a child that is still sleeping; the
   failed child's exception holds the frame that holds the gather, and the
   gather holds the child: collected at loop.close() quietly (gather's
   children never report "destroyed but pending"), its coroutine closed
   while the module's globals still exist.
"""
import asyncio


async def fail_soon(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(name + " failed")


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def worker(workers):
    g = asyncio.gather(fail_soon("a", 0.1), fail_soon("b", 0.1))
    print("worker made", type(g).__name__, len(workers))
    raise KeyError("worker")


async def early(tag):
    g = asyncio.gather(fail_soon(tag + "-fast", 0.2), sleeper(tag + "-slow", 5))
    try:
        await g
    except ValueError as e:
        print("gather failed:", e)


async def main():
    workers = {}
    workers["w"] = asyncio.create_task(worker(workers))
    results = await asyncio.gather(*workers.values(), return_exceptions=True)
    print("results", results)
    await asyncio.sleep(0.2)
    await early("x")
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing")
loop.close()
print("closed")
