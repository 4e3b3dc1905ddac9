"""An exception in a plain callback goes to the loop's exception handler;
the loop keeps running."""
import asyncio


def risky(n):
    print("risky", n)
    if n == 2:
        raise ZeroDivisionError("division by zero")


async def main():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        loop.call_soon(risky, n)
    await asyncio.sleep(0.1)
    print("loop survived")


asyncio.run(main())
