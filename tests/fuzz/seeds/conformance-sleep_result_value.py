"""asyncio.sleep(delay, result) returns its result argument."""
import asyncio


async def main():
    value = await asyncio.sleep(0.5, result="payload")
    print("sleep returned", value)
    zero = await asyncio.sleep(0, result=42)
    print("sleep(0) returned", zero)
    negative = await asyncio.sleep(-3, result="past")
    print("negative delay acts like sleep(0):", negative)


asyncio.run(main())
