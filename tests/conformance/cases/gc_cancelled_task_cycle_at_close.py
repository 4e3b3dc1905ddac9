"""A cancelled task keeps the CancelledError its coroutine raised
(Task._cancelled_exc); its traceback keeps the worker's frame, whose dict
of workers leads back to the task: a cycle. At loop.close() the collector
frees it, and the sub-task the frame held, still pending once the loop
dropped its timer, reports "destroyed but it is pending" there (found by
the fuzzer, seed 198 with --gc)."""
import asyncio


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
    finally:
        print(name, "finally")


async def worker(workers):
    sub = asyncio.create_task(leaf("sub", 0.3), name="sub")
    done, pending = await asyncio.wait([sub], timeout=0.6)


async def canceller(workers):
    await asyncio.sleep(0.1)
    workers["w0"].cancel()


async def main():
    workers = {}
    workers["w0"] = asyncio.create_task(worker(workers), name="w0")
    workers["w1"] = asyncio.create_task(canceller(workers), name="w1")
    print(await asyncio.gather(*workers.values(), return_exceptions=True))


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing")
loop.close()
print("closed")
