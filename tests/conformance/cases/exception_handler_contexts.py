# The context dicts a loop exception handler receives from each of asyncio's
# reports, in CPython's key order, and handlers that call the default one.
import asyncio

seen = []


def handler(loop, context):
    parts = []
    for key, value in context.items():
        if key == "message":
            parts.append(f"message={value!r}")
        elif key == "exception":
            parts.append(f"exception={type(value).__name__}({value})")
        elif key in ("future", "task"):
            parts.append(f"{key}={type(value).__name__}:{value.done()}")
        elif key == "handle":
            parts.append(f"handle={value!r}")
        else:
            parts.append(f"{key}={value!r}")
    print("handler got", ", ".join(parts))
    if "passthrough" in context.get("message", ""):
        loop.default_exception_handler(context)


class Service:
    def tick(self, n):
        raise LookupError(f"tick {n}")


async def forever():
    await asyncio.sleep(100)


async def fails_late():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(Service().tick, 3)
    loop.call_later(0.1, lambda: {}["k"])
    await asyncio.sleep(0.2)
    fut = loop.create_future()
    fut.set_exception(OSError("disk"))
    del fut
    g = asyncio.gather(asyncio.sleep(0), asyncio.sleep(0))
    await g
    loop.call_exception_handler({"message": "passthrough please", "exception": ValueError("v")})
    loop.call_exception_handler({"message": "no exception", "extra": [1, 2]})
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    asyncio.create_task(fails_late())
    await asyncio.sleep(0)
    print("main done", t.done())


asyncio.run(main())
print("after run")
