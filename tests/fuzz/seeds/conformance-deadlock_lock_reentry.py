"""asyncio.Lock is not reentrant: acquiring it twice deadlocks."""
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("first acquire ok")
        async with lock:
            print("never")


asyncio.run(main())
