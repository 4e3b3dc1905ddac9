"""create_task: start a task now, await it later (or not at all).

create_task schedules the new task's first step and returns at once: the
task starts at the loop's next turn, while the caller keeps running until
its own next await. That is the difference from gather: gather waits for
all of its coroutines and collects their results; create_task hands you
a Task you can await whenever you like (keep a reference to it, or it may
be garbage-collected before it finishes).
"""
# topic: Running coroutines concurrently
# watch: the ready queue after each create_task: the new task's first step
#   waits there while main goes on.
# checkpoint: when "main: both tasks created, none started yet" prints: two
#   tasks exist, but neither has run a line: their first steps wait in the
#   ready queue until main awaits.
# ask: which task runs next
# checkpoint: when "main: did other work while A and B run" prints: main ran
#   again at {time} while A and B were still sleeping.
# ask: what prints next
# ask: when does the next line print
import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name


async def main():
    a = asyncio.create_task(worker("A", 2))
    b = asyncio.create_task(worker("B", 1))
    print("main: both tasks created, none started yet")
    await asyncio.sleep(0.5)
    print("main: did other work while A and B run")
    print("main: B returned", await b)
    print("main: A returned", await a)


asyncio.run(main())
