"""Done callbacks are scheduled with call_soon, in registration order."""
import asyncio


def report(label):
    def callback(fut):
        print(f"{label}: done={fut.done()} result={fut.result()}")
    return callback


async def job():
    await asyncio.sleep(0.1)
    return "ok"


async def main():
    task = asyncio.create_task(job())
    task.add_done_callback(report("first"))
    task.add_done_callback(report("second"))
    await task
    print("main resumed")
    task.add_done_callback(report("late"))
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
