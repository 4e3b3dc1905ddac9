# Differential-fuzzer findings: a cancelled gather raises the CancelledError
# of its last child; a class as a callback; _GatheringFuture's own name in
# "exception was never retrieved"; a future of another loop.
import asyncio


async def sleeper(n):
    await asyncio.sleep(n)


async def boom():
    raise ValueError("lost")


async def await_other(other):
    fut = other.create_future()
    try:
        await fut
    except RuntimeError as e:
        print("RuntimeError:", e)


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(sleeper(2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    a.cancel("first")
    b.cancel("second")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled:", e.args)
    c = asyncio.create_task(sleeper(1))
    d = asyncio.create_task(sleeper(1))
    g3 = asyncio.gather(c, d, return_exceptions=True)
    await asyncio.sleep(0)
    d.cancel("from d")
    await asyncio.sleep(0)
    g3.cancel("from gather")
    try:
        await g3
    except asyncio.CancelledError as e:
        print("gather(return_exceptions) cancelled:", e.args)
    loop.call_soon(int, "x")
    loop.call_soon(str, 5)
    h = loop.call_soon(int, "12")
    print(h)
    await asyncio.sleep(0)
    g2 = asyncio.gather(boom())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    del g2
    other = asyncio.new_event_loop()
    await asyncio.create_task(await_other(other))
    other.close()


asyncio.run(main())
