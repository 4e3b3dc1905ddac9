import sys
import asyncio


async def check(n):
    await asyncio.sleep(0.01)
    if n > 2:
        print(f"bad value {n}", file=sys.stderr)
        sys.exit(3)
    return n


async def main():
    for i in range(5):
        print("checked", await check(i))

try:
    asyncio.run(main())
finally:
    print("cleanup")
