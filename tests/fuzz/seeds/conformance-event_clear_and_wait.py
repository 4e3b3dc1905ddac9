"""clear() resets an Event; set() again releases new waiters."""
import asyncio


async def main():
    ev = asyncio.Event()

    async def pulse():
        for i in range(2):
            await asyncio.sleep(0.2)
            print(f"pulse {i}")
            ev.set()
            ev.clear()

    p = asyncio.create_task(pulse())
    for i in range(2):
        await ev.wait()
        print(f"main saw pulse {i} at {asyncio.get_running_loop().time()}")
    await p


asyncio.run(main())
