"""The warning is shown once per source line (Python's default warning
filter): a loop over the same call warns once."""
import asyncio


async def ping(n):
    return n


async def main():
    for n in range(3):
        ping(n)
    print("the loop above warned once")
    ping(99)
    print("a different line warns again")


asyncio.run(main())
