"""A line is stamped when its newline is written, not when it starts."""
import asyncio


async def main():
    print("started at 0, ", end="")
    await asyncio.sleep(1)
    print("finished at 1")
    for i in range(3):
        print(i, end=" ")
        await asyncio.sleep(0.5)
    print()


asyncio.run(main())
