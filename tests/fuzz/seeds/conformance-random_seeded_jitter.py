"""Random delays from a seeded generator: the same run every time."""
import asyncio
import random


async def worker(n, rng):
    delay = round(rng.uniform(0.1, 1.0), 3)
    await asyncio.sleep(delay)
    print(f"worker {n} slept {delay}")


async def main():
    random.seed(1234)
    rng = random.Random(99)
    print("first draws:", random.randint(1, 6), random.choice("abc"), round(random.random(), 6))
    await asyncio.gather(*(worker(n, rng) for n in range(4)))


asyncio.run(main())
