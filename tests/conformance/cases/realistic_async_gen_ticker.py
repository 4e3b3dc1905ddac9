"""An async generator ticker consumed with async for and an async comprehension."""
import asyncio


async def ticker(interval: float, count: int):
    for i in range(count):
        await asyncio.sleep(interval)
        yield i, asyncio.get_running_loop().time()


async def prices(symbol: str):
    base = {"ACME": 100.0, "INIT": 42.0}[symbol]
    async for i, t in ticker(0.25, 4):
        yield symbol, round(base * (1 + 0.01 * i), 2), t


async def main():
    async for symbol, price, t in prices("ACME"):
        print(f"{t:.2f} {symbol} {price}")
    collected = [p async for _, p, _ in prices("INIT")]
    print("INIT:", collected)
    evens = [i async for i, _ in ticker(0.1, 6) if i % 2 == 0]
    print("evens:", evens)


asyncio.run(main())
