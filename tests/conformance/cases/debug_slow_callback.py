# asyncio debug mode: a callback or task step that blocks the loop (a
# blocking time.sleep) for 0.1 s or more is reported as slow.
import asyncio
import time


def blocking_callback():
    time.sleep(0.25)


async def worker():
    time.sleep(0.05)
    await asyncio.sleep(0.1)
    time.sleep(0.5)
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)
    loop.call_soon(blocking_callback)
    print(await asyncio.create_task(worker()))
    loop.set_debug(False)
    print(loop.get_debug())
    loop.call_soon(blocking_callback)
    await asyncio.sleep(0)
    loop.set_debug(True)
    time.sleep(0.09)
    await asyncio.sleep(0)


with asyncio.Runner(debug=True) as runner:
    runner.run(worker())


asyncio.run(main(), debug=True)
