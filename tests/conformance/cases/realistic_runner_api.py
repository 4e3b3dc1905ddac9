"""asyncio.Runner: several top-level calls sharing one loop."""
import asyncio


counter = 0


async def step(n):
    global counter
    await asyncio.sleep(0.1 * n)
    counter += n
    return counter


with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    loop = runner.get_loop()
    print(round(loop.time(), 2), counter)
print("closed:", loop.is_closed())
