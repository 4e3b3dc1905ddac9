# A failed task whose frame keeps a list holding the task: a cycle. The
# loop is never closed, so the collector first runs at interpreter exit;
# the report comes after the program's last line.
import asyncio


async def boom(box):
    await asyncio.sleep(0)
    raise RuntimeError("kept by its own frame")


async def main():
    box = []
    box.append(asyncio.create_task(boom(box)))
    box = None
    await asyncio.sleep(0.1)
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("last line")
