"""Cancelling a task: the request lands at the task's next await.

cancel() cancels the future the task waits on at once; the CancelledError
is thrown into the task at its next step, where try/finally can clean up.
"""
# topic: More tools
# watch: the task's state in the Tasks panel: still waiting right after
#   cancel(), cancelled only after its next step.
# checkpoint: when job sleeps: job waits on a 10 s sleep; main will cancel it
#   at 1 s.
# ask: when does the next line print
# checkpoint: when "job: cleaning up" prints: the CancelledError reached job
#   at {time}, inside its try, so its finally runs.
# ask: what prints next
import asyncio


async def job():
    try:
        print("job: working")
        await asyncio.sleep(10)
    finally:
        print("job: cleaning up")


async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: job was cancelled")


asyncio.run(main())
