"""A custom loop exception handler collecting errors from fire-and-forget tasks and callbacks."""
import asyncio

errors = []


def handler(loop, context):
    exc = context.get("exception")
    where = "task" if "task" in context or "future" in context else "callback"
    errors.append(f"{where}: {type(exc).__name__}: {exc}")


async def flaky(n):
    await asyncio.sleep(0.1 * n)
    raise ValueError(f"job {n} failed")


def bad_callback():
    raise KeyError("missing")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback)
    for n in range(3):
        asyncio.create_task(flaky(n))
    await asyncio.sleep(0.5)
    print("\n".join(errors) or "no errors")


asyncio.run(main())
