"""return_exceptions=True puts exceptions in the result list."""
import asyncio


async def ok(n):
    await asyncio.sleep(n / 10)
    return n


async def bad(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"bad {n}")


async def main():
    results = await asyncio.gather(ok(1), bad(2), ok(3), bad(4),
                                   return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)


asyncio.run(main())
