"""asyncio.sleep: pause one task, not the program.

`await asyncio.sleep(d)` sets a timer for now + d and gives the loop back.
The loop runs whatever else is ready; when nothing is, it sleeps until the
first timer is due. Two tasks that sleep 1 s and 2 s finish at 1 s and at
2 s, not at 3 s. (create_task, which starts the two tasks, is lesson 8.)
"""
# topic: Basics
# watch: the timer heap in the event-loop panel: each sleep adds a timer,
#   and when nothing is ready the clock jumps straight to the first deadline.
# checkpoint: when nap sleeps: {task} sleeps: its timer is set, and the
#   loop is free to run another task.
# ask: which task runs next
# checkpoint: when the timer of nap fires: the timer set for {due} fires at
#   {time}: nothing held the loop, so it is on time.
# ask: what prints next
# checkpoint: when "both done" prints: sleeps of 1 s and 2 s took {time} in
#   all, not 3 s: the tasks slept at the same time.
import asyncio


async def nap(name, seconds):
    print(f"{name}: sleeping {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{name}: awake")


async def main():
    short = asyncio.create_task(nap("short", 1))
    long = asyncio.create_task(nap("long", 2))
    await short
    await long
    print("both done")


asyncio.run(main())
