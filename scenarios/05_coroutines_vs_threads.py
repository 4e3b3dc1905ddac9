"""Coroutines vs threads: cooperative switching, and how cheap a task is.

Threads are preemptive: the operating system may switch between them at
any instruction, each has its own stack (8 MB of address space by default
on Linux), and in CPython the GIL lets only one of them run Python code at
a time. Coroutines are cooperative: a task runs until it awaits, and only
there can another task run. A suspended task is a small object, not a
stack, so a hundred thousand of them wait together in one run.

Each is best at something: coroutines at many waits at once (network,
timers); threads at blocking code that cannot await (a blocking library
call: asyncio.to_thread runs it in a worker thread while the loop goes on);
processes at CPU-bound work, which the GIL keeps threads from sharing.
The last part hands a blocking call to a thread: the loop keeps ticking.
"""
# topic: Coroutines vs threads
# watch: first, A and B take turns exactly at their awaits, never in the
#   middle of a step; then 100,000 tasks all sleep at once; last, a worker
#   thread runs a blocking call while the loop goes on ticking.
# checkpoint: when "A step 0" prints: A runs until its await; nothing can
#   interrupt it between two lines, unlike a thread.
# ask: which task runs next
# checkpoint: when "B step 0" prints: B got the loop only because A awaited.
# ask: what prints next
# checkpoint: when "100000 tasks" prints: {tasks} tasks in all, and the
#   100,000 sleepers, each waiting 1 s, finish together at {time}. Measured
#   just now: a suspended task takes about {task_bytes} here, where a new
#   thread would reserve {thread_stack} for its stack.
# checkpoint: when "tick 0" prints: the blocking call now sleeps in a worker
#   thread (asyncio.to_thread), and the loop is free: the ticker runs.
# ask: when does the next line print
# checkpoint: when "report ready" prints: the thread's 0.5 s sleep is over and
#   its result is back at {time}; the loop never stopped meanwhile.
import asyncio
import time


async def chatty(name):
    for i in range(3):
        print(f"{name} step {i}")
        await asyncio.sleep(0)


async def idle(n):
    await asyncio.sleep(1)
    return n


def blocking_report():
    time.sleep(0.5)  # a blocking library call: it cannot await
    return "report ready"


async def ticker():
    for i in range(2):
        print(f"tick {i}")
        await asyncio.sleep(0.2)


async def main():
    await asyncio.gather(chatty("A"), chatty("B"))
    results = await asyncio.gather(*[idle(n) for n in range(100_000)])
    print(f"{len(results)} tasks slept 1 s at the same time")
    report, _ = await asyncio.gather(asyncio.to_thread(blocking_report), ticker())
    print(report)


asyncio.run(main())
