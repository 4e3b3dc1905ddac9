# An exception handler that raises: CPython reports it through the default
# handler ("Unhandled error in exception handler").
import asyncio


def bad_handler(loop, context):
    raise RuntimeError("handler broke")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(bad_handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
