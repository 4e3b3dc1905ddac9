"""sleep(0) is a bare yield: two tasks alternate, one iteration per step."""
import asyncio


async def ticker(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(ticker("a", 3))
    b = asyncio.create_task(ticker("b", 3))
    await a
    await b
    print("both done")


asyncio.run(main())
