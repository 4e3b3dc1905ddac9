"""A leftover task answers its shutdown cancellation with another exception:
asyncio.run reports it through the loop's exception handler."""
import asyncio


async def grumpy():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("refusing to stop quietly")


async def main():
    asyncio.create_task(grumpy())
    await asyncio.sleep(0.1)


asyncio.run(main())
print("program continues")
