"""Calling an async def without await runs nothing.

`work("without await")` only makes a coroutine object. Nothing runs it,
and the moment it is thrown away Python warns "coroutine 'work' was never
awaited". `await work("with await")` runs the body. Forgetting an await
is the most common asyncio bug: the warning is the clue.
"""
# topic: Basics
# watch: the console: the first call prints nothing; the warning appears
#   as soon as the line that made the coroutine object ends.
# checkpoint: when "main: called work() without await" prints: the warning
#   above came first; no task was created and the body never ran.
# ask: what prints next
# checkpoint: when "work(with await) runs" prints: with await the body runs
#   at {time}, inside {task}.
import asyncio


async def work(how):
    print(f"work({how}) runs")


async def main():
    work("without await")
    print("main: called work() without await")
    await asyncio.sleep(0.1)
    await work("with await")
    print("main: done")


asyncio.run(main())
