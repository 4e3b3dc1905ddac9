"""When main returns, asyncio.run cancels the leftover tasks (in creation
order), waits for them, then shuts down async generators and the executor."""
import asyncio


async def lingering(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled by asyncio.run")
        raise


async def main():
    asyncio.create_task(lingering("first", 10))
    asyncio.create_task(lingering("second", 5))
    asyncio.create_task(lingering("quick", 0.1))
    await asyncio.sleep(0.5)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
