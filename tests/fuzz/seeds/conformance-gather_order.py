"""gather returns results in argument order, whatever the finishing order."""
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def main():
    results = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))
    print(results)


asyncio.run(main())
