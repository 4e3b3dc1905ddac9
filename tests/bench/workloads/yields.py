# N tasks, each awaiting sleep(0) K times: the cost of a task step.
import asyncio

N = 10000
K = 100


async def yielder():
    for _ in range(K):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*[yielder() for _ in range(N)])
    print("steps", N * K)


asyncio.run(main())
