"""create_task(name=...) still consumes a Task-N number; set_name renames."""
import asyncio


async def work():
    me = asyncio.current_task()
    print("running as", me.get_name())
    await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(work())
    b = asyncio.create_task(work(), name="named")
    c = asyncio.create_task(work())
    c.set_name("renamed later")
    await asyncio.gather(a, b, c)
    print([t.get_name() for t in (a, b, c)])


asyncio.run(main())
