# N tasks gathered around one short sleep: creating, suspending and finishing tasks.
import asyncio

N = 100000


async def sleeper(i):
    await asyncio.sleep(0.01)
    return i


async def main():
    results = await asyncio.gather(*[sleeper(i) for i in range(N)])
    print("sum", sum(results))


asyncio.run(main())
