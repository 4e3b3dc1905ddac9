"""async/await: calling a coroutine function does not run it.

`greet()` returns a coroutine object; only `await` runs its body, inside
the task that awaits it. No new task is created, so the loop never sees
the inner coroutine: one task does all the work, top to bottom.
"""
# topic: Basics
import asyncio


async def greet(name):
    print(f"hello, {name}")
    await asyncio.sleep(1)
    print(f"goodbye, {name}")
    return len(name)


async def main():
    n = await greet("world")
    print("greet returned", n)


asyncio.run(main())
