# `rename` only when the name changes: set_name with the current name
# prints nothing.
import asyncio


async def main():
    t = asyncio.current_task()
    t.set_name("Task-1")
    t.set_name("main")
    t.set_name("main")
    print(t.get_name())


asyncio.run(main())
