"""wait_for returns the result when the awaitable beats the timeout."""
import asyncio


async def fetch():
    await asyncio.sleep(0.3)
    return "data"


async def main():
    result = await asyncio.wait_for(fetch(), timeout=1)
    print("got", result, "at", asyncio.get_running_loop().time())


asyncio.run(main())
