"""The event loop and sleep(0): give the loop back for one turn.

The event loop runs in turns: each turn it runs every callback that is
ready, front to back, then waits for the first timer. asyncio.sleep(0)
sets no timer: the task just yields, and its next step goes to the back of
the ready queue. Two tasks that sleep(0) in turn interleave perfectly.
"""
# topic: The event loop
# watch: the ready queue: after each sleep(0) the task's next step joins
#   the back of the queue, behind the other task's.
# checkpoint: when "ping 0" prints: ping is about to yield with sleep(0).
# ask: which task runs next
# checkpoint: when "pong 0" prints: pong ran because ping yielded; ping's
#   next step is already waiting in the ready queue.
# ask: what prints next
import asyncio


async def counter(name):
    for i in range(3):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(counter("ping"), counter("pong"))


asyncio.run(main())
