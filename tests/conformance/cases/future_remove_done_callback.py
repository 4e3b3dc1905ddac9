"""Future.remove_done_callback removes every registration of the function
and returns how many; the others still run."""
import asyncio


def first(fut):
    print("first saw", fut.result())


def second(fut):
    print("second saw", fut.result())


async def nap():
    await asyncio.sleep(1)
    return "slept"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(first)
    fut.add_done_callback(second)
    fut.add_done_callback(first)
    print("removed", fut.remove_done_callback(first))
    print("removed again", fut.remove_done_callback(first))
    loop.call_later(0.5, fut.set_result, "v")
    print(await fut)
    task = asyncio.create_task(nap())
    task.add_done_callback(second)
    print("removed from task", task.remove_done_callback(second))
    print(await task)


asyncio.run(main())
