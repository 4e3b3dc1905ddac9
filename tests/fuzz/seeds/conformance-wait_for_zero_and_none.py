"""wait_for with timeout=0 cancels at once unless already done; timeout=None
simply awaits."""
import asyncio


async def quick():
    return "quick"


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("ready")
    print(await asyncio.wait_for(done, 0))
    try:
        await asyncio.wait_for(quick(), 0)
    except asyncio.TimeoutError:
        print("timeout=0 on a coroutine: TimeoutError")
    print(await asyncio.wait_for(slow(), None))


asyncio.run(main())
