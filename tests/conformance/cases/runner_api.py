# asyncio.Runner: one loop for several run() calls, get_loop(), close(),
# the errors of a closed runner and of run() inside a running loop.
import asyncio


async def add(a, b):
    await asyncio.sleep(0.5)
    return a + b


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover cancelled at close")
        raise


async def nested(runner):
    coro = add(1, 1)
    try:
        runner.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


runner = asyncio.Runner()
print(runner)
loop = runner.get_loop()
print(type(loop).__name__, loop.is_closed(), asyncio.get_event_loop() is loop)
print(runner.run(add(1, 2)), loop.time())


async def start_leftover():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)


runner.run(start_leftover())
runner.run(nested(runner))
try:
    runner.run(42)
except ValueError as e:
    print("ValueError:", e)
runner.close()
print("closed:", loop.is_closed())
runner.close()
coro = add(1, 1)
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

with asyncio.Runner() as r:
    print(r.run(add(2, 3)), r.get_loop().time())
print(r.get_loop() if False else "done")
