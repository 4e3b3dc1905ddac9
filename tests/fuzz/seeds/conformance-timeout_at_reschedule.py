"""timeout_at with an absolute deadline, pushed back with reschedule()."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.5) as cm:
            await asyncio.sleep(0.3)
            print("extending the deadline")
            cm.reschedule(loop.time() + 1)
            await asyncio.sleep(0.5)
            print("made it at", loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired at", loop.time())


asyncio.run(main())
