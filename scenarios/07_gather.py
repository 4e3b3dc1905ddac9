"""gather: run coroutines concurrently and collect their results.

Awaiting three coroutines one after another takes the sum of their waits.
asyncio.gather wraps each in a task, in argument order, runs them at the
same time, and returns their results in argument order, whatever order
they finish in: the whole takes as long as the longest one.
"""
# topic: Running coroutines concurrently
# watch: the clock: one by one, the three fetches take 0.3 + 0.1 + 0.2 s;
#   gathered, the three tasks wait side by side on the timer heap.
# checkpoint: when "one by one: done" prints: awaiting one at a time, the
#   three fetches ended at {time}.
# ask: what prints next
# checkpoint: when fetch starts: gather made one task per coroutine; the
#   first, {task}, starts at {time}.
# ask: what prints next
# ask: when does the next line print
# checkpoint: when "gather: done" prints: gathered, the same three ended at
#   {time}: only as long as the longest after "gather: start".
# ask: what prints next
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()


async def one_by_one():
    print("one by one: start")
    a = await fetch("a", 0.3)
    b = await fetch("b", 0.1)
    c = await fetch("c", 0.2)
    print("one by one: done", [a, b, c])


async def main():
    await one_by_one()
    print("gather: start")
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2))
    print("gather: done")
    print("results:", results)


asyncio.run(main())
