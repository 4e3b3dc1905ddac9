"""A timeout() block that finishes in time: its timer is cancelled."""
import asyncio


async def main():
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.2)
    print("finished in time, expired:", cm.expired())
    async with asyncio.timeout(None) as never:
        await asyncio.sleep(0.1)
    print("timeout(None) never expires:", never.when())


asyncio.run(main())
