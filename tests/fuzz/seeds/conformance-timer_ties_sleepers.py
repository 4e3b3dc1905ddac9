"""Tasks sleeping the same delay from the same moment wake in the order they
started sleeping."""
import asyncio


async def sleeper(n):
    await asyncio.sleep(1)
    print("woke", n)


async def main():
    await asyncio.gather(*(sleeper(n) for n in range(5)))


asyncio.run(main())
