"""join() waits until task_done() was called for every item."""
import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} finished job of {item}s")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for delay in (0.3, 0.1, 0.2, 0.4):
        q.put_nowait(delay)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all jobs done at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
