"""async def and await: a coroutine runs only when it is awaited.

`async def` makes a coroutine function. Calling `greet("world")` runs none
of its body: it returns a coroutine object. `await` runs that body inside
the task that awaits it, until the body itself awaits something that is
not ready yet (here asyncio.sleep), and then hands back its return value.
"""
# topic: Basics
# watch: the Tasks panel: one task, Task-1, does all the work. Awaiting
#   greet() creates no new task: the marker in the source moves into greet()
#   and back out, always in Task-1.
# checkpoint: when "hello, world" prints: {task} is inside greet() at {time}:
#   await ran greet's body in the same task, without a new one.
# ask: when does the next line print
# checkpoint: when "goodbye, world" prints: the sleep is over at {time};
#   greet() returns 5, and await hands it to main.
# ask: what prints next
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
