"""A task runs even if nobody awaits it, as long as the loop keeps running."""
import asyncio


async def background(results):
    await asyncio.sleep(0.2)
    results.append("background finished")


async def main():
    results = []
    asyncio.create_task(background(results))
    print("main sleeps")
    await asyncio.sleep(0.5)
    print(results)


asyncio.run(main())
