# loop.set_exception_handler / get_exception_handler /
# default_exception_handler / call_exception_handler: a handler replaces
# the default `! asyncio` report and receives CPython's context dict.
import asyncio


def handler(loop, context):
    keys = sorted(k for k in context if k != "source_traceback")
    print("handler:", context["message"], keys)
    exc = context.get("exception")
    if exc is not None:
        print("  exception:", type(exc).__name__, exc)


def boom():
    raise ValueError("in callback")


async def fail():
    raise KeyError("lost")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(boom)
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "by hand", "answer": 42})
    t = asyncio.create_task(fail())
    await asyncio.sleep(0)
    del t
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "default again"})
    loop.default_exception_handler({"message": "direct", "exception": OSError("x")})


asyncio.run(main())
