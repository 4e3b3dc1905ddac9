"""as_completed with a timeout: TimeoutError once the time is up."""
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    try:
        for next_done in asyncio.as_completed([job(0.1), job(5), job(0.2)], timeout=1):
            print("got", await next_done)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
