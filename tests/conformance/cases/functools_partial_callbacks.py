"""functools.partial as a loop callback and a done callback: the trace
shows the call it makes, f(args, k=v), as CPython's handle reprs do."""
import asyncio
import functools


def report(tag, value=0, *, unit="ms"):
    print("report", tag, value, unit)


def done(tag, fut, extra=None):
    print("done", tag, fut.result(), extra)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(functools.partial(report, "soon", unit="s"))
    loop.call_later(0.1, functools.partial(functools.partial(report, "nested"), 7))
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(done, "fut", extra="x"))
    loop.call_soon(functools.partial(fut.set_result, 5))
    await fut
    await asyncio.sleep(0.2)


asyncio.run(main())
