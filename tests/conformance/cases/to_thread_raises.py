# A worker raising: the exception reaches the awaiting task.
import asyncio
import time


def parse(text):
    time.sleep(0.5)
    return int(text)


async def main():
    print(await asyncio.to_thread(parse, "42"))
    try:
        await asyncio.to_thread(parse, "forty-two")
    except ValueError as e:
        print("caught", e, f"{time.monotonic():.1f}")
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, parse, "x")
    await asyncio.sleep(1)
    print("done:", fut.done(), type(fut.exception()).__name__)


asyncio.run(main())
