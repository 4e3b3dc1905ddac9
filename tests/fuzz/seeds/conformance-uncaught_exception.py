"""An exception escaping main: asyncio.run shuts down, then the program dies
with exit status 1."""
import asyncio


async def main():
    print("about to fail")
    await asyncio.sleep(0.1)
    raise ValueError("main failed")


asyncio.run(main())
print("never printed")
