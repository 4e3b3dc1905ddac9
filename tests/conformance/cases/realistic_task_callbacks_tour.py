import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()


def on_done(task: asyncio.Task):
    if task.cancelled():
        print(f"{task.get_name()} was cancelled")
    elif task.exception():
        print(f"{task.get_name()} failed: {task.exception()!r}")
    else:
        print(f"{task.get_name()} -> {task.result()}")


async def boom():
    await asyncio.sleep(0.1)
    raise RuntimeError("kaboom")


async def main():
    print(f"started at {time.strftime('%X')}")
    t1 = asyncio.create_task(say_after(1, "hello"), name="greeter")
    t2 = asyncio.create_task(say_after(2, "world"))
    t1.add_done_callback(on_done)
    t2.add_done_callback(on_done)
    await t1
    await t2
    print(f"finished at {time.strftime('%X')}")
    t3 = asyncio.create_task(boom(), name="bomber")
    t3.add_done_callback(on_done)
    t4 = asyncio.create_task(asyncio.sleep(10), name="sleeper")
    t4.add_done_callback(on_done)
    done, pending = await asyncio.wait({t3, t4}, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    t4.cancel()
    await asyncio.sleep(0)
    print(t3.done(), t4.cancelled(), repr(t3.exception()))
    for coro in asyncio.as_completed([say_after(0.3, "c"), say_after(0.1, "a"), say_after(0.2, "b")]):
        print("got", await coro)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("future done:", f.result()))
    asyncio.get_running_loop().call_later(0.5, fut.set_result, 42)
    print(await fut)
    print(len(asyncio.all_tasks()), asyncio.current_task().get_name())


asyncio.run(main())
