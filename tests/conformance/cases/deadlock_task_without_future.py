# deadlock text: one `<Task> waits <W>` per unfinished task.
import asyncio


async def main():
    await asyncio.Event().wait()


asyncio.run(main())
