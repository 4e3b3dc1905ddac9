"""as_completed yields awaitables in completion order."""
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    coros = [job("a", 0.3), job("b", 0.1), job("c", 0.2)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done)


asyncio.run(main())
