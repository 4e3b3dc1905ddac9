"""asyncio.run: a new loop, a main task, and a careful shutdown.

asyncio.run creates the event loop, wraps main() in Task-1 and runs until
it is done. Then it cancels whatever tasks are left (here: the forgotten
`background` task), waits for them, shuts down async generators and the
default executor (two tiny internal tasks), and closes the loop. Call it
once, at the top of the program.
"""
# topic: Basics
# watch: the end of the run: after main returns, asyncio.run cancels the
#   task left behind and closes the loop (the Explain tab marks this part as
#   the shutdown).
# checkpoint: when "main: done, leaving a task behind" prints: main is about
#   to return at {time}, while background still waits for its 10 s timer.
# ask: what prints next
# checkpoint: when background finishes: asyncio.run's shutdown cancelled the
#   forgotten task at {time}: it never reached its 10 s timer.
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
