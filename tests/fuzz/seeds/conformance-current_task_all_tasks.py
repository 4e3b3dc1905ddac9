"""current_task() and all_tasks() from inside tasks."""
import asyncio


async def worker(n):
    me = asyncio.current_task()
    await asyncio.sleep(n / 10)
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(f"{me.get_name()} sees {names}")


async def main():
    print("main is", asyncio.current_task().get_name())
    workers = [asyncio.create_task(worker(n), name=f"w{n}") for n in range(1, 4)]
    await asyncio.gather(*workers)
    print("left:", [t.get_name() for t in asyncio.all_tasks()])


asyncio.run(main())
