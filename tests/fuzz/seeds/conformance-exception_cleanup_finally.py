"""finally blocks run when a task fails, even with awaits inside them."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(0.1)
        raise RuntimeError("worker broke")
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.1)
        print("cleanup ends")


async def main():
    try:
        await worker()
    except RuntimeError as e:
        print("main caught:", e)


asyncio.run(main())
