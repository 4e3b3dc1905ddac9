"""Cancelling a task: the request lands at the task's next await.

cancel() cancels the future the task waits on at once; the CancelledError
is thrown into the task at its next step, where try/finally can clean up.
"""
# topic: Cancellation
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
