"""asyncio.run: a new loop, a main task, and a careful shutdown.

asyncio.run creates the loop, wraps main() in Task-1 and runs until it is
done. Then it cancels whatever tasks are left (here: the forgotten
`background` task), waits for them, shuts down async generators and the
default executor (two tiny internal tasks), and closes the loop.
"""
# topic: Basics
import asyncio


async def background():
    try:
        print("background: started")
        await asyncio.sleep(10)
        print("background: never printed")
    except asyncio.CancelledError:
        print("background: cancelled by asyncio.run's shutdown")
        raise


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.5)
    print("main: done, leaving a task behind")


asyncio.run(main())
