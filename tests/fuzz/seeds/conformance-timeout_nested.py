"""Nested timeouts: only the one that expired turns the cancellation into
TimeoutError."""
import asyncio


async def main():
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(0.5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout expired")
            await asyncio.sleep(3)
    except TimeoutError:
        print("outer timeout expired at", asyncio.get_running_loop().time())


asyncio.run(main())
