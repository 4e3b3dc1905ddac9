"""wait_for times out: the inner task is cancelled and awaited, then
TimeoutError is raised."""
import asyncio


async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
