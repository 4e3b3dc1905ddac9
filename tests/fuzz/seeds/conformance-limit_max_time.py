"""A task that sleeps forever in long steps runs into the virtual time limit
(default --max-time=1000000); exit status 4."""
import asyncio


async def main():
    n = 0
    while True:
        await asyncio.sleep(100000)
        n += 1
        print("slept", n, "times")


asyncio.run(main())
