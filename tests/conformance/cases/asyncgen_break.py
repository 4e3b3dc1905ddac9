# Breaking out of async for: the generator is finalised by the loop's hook
# (aclose() scheduled as a task); another one kept alive is closed by
# asyncio.run's shutdown_asyncgens.
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(name, "closed")


kept = []


async def main():
    async for x in ticker("first", 5):
        print("got", x)
        if x == 1:
            break
    print("after break")
    second = ticker("second", 5)
    kept.append(second)
    print("second gives", await anext(second))
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
print("after run")
