# asyncio.run's shutdown_asyncgens closes async generators still alive when
# main returns; one whose cleanup raises is reported by the loop's
# exception handler. An async comprehension and a lazy async generator
# expression run inside a task.
import asyncio


async def numbers(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(name, "cleanup")
        if name == "bad":
            raise ValueError("cleanup failed")


alive = []


async def main():
    squares = [x * x async for x in numbers("comp", 3)]
    print("squares", squares)
    doubled = (x * 2 async for x in numbers("lazy", 4))
    print("first doubled", await anext(doubled))
    for name in ("good", "bad"):
        g = numbers(name, 3)
        alive.append(g)
        print(name, "gives", await anext(g))
    alive.append(doubled)
    print("main returns")


asyncio.run(main())
print("done")
