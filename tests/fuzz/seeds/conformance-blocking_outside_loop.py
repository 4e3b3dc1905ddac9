"""time.sleep before asyncio.run and inside a plain callback."""
import asyncio
import time

print("program start", time.time())
time.sleep(1)
print("after a blocking second", time.time())


def slow_callback():
    print("callback blocks for 0.5s")
    time.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(slow_callback)
    await asyncio.sleep(0.1)
    print("main resumed at", time.time())


asyncio.run(main())
