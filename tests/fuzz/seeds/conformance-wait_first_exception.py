"""return_when=FIRST_EXCEPTION stops at the first failure."""
import asyncio


async def ok(delay):
    await asyncio.sleep(delay)
    return delay


async def fail(delay):
    await asyncio.sleep(delay)
    raise ConnectionError(f"lost after {delay}")


async def main():
    tasks = [asyncio.create_task(ok(0.1)), asyncio.create_task(fail(0.2)),
             asyncio.create_task(ok(0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in done:
        if t.exception():
            print("failed:", t.exception())
        else:
            print("ok:", t.result())
    print("pending:", len(pending))
    await asyncio.wait(pending)


asyncio.run(main())
