"""gather: the last child finishing in iteration k runs gather's callback in
k+1 and resumes the parent in k+2."""
import asyncio


async def quick(n):
    await asyncio.sleep(0)
    return n


async def main():
    results = await asyncio.gather(quick(1), quick(2), quick(3))
    print(results)


asyncio.run(main())
