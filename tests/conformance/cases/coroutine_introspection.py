# Coroutine objects' names and close(), asyncio.iscoroutine /
# iscoroutinefunction / isfuture, cr_code, Task.get_coro / get_name / set_name,
# Future.remove_done_callback.
import asyncio


class Worker:
    async def run(self):
        await asyncio.sleep(0)
        return "ran"


async def helper():
    return 1


def outer():
    async def inner():
        return 2
    return inner


def cb(fut):
    print("cb called", fut.result())


async def main():
    c = helper()
    print(c.__name__, c.__qualname__, c.cr_running, asyncio.iscoroutine(c))
    code = c.cr_code
    print(code.co_name, code.co_qualname, code.co_filename, code.co_firstlineno)
    print(code)
    c.close()
    i = outer()()
    print(i.__name__, i.__qualname__)
    i.close()
    w = Worker().run()
    print(w.__qualname__)
    t = asyncio.create_task(w, name="worker")
    print(t.get_name(), t.get_coro() is w, asyncio.isfuture(t), asyncio.isfuture(w))
    t.set_name("renamed")
    print(t.get_name(), await t)
    print(asyncio.iscoroutinefunction(helper), asyncio.iscoroutinefunction(outer),
          asyncio.iscoroutinefunction(Worker.run), asyncio.iscoroutinefunction(Worker().run))
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(cb)
    f.add_done_callback(cb)
    f.add_done_callback(print)
    print(asyncio.isfuture(f), asyncio.isfuture(42), asyncio.isfuture(asyncio.Future))
    print(f.remove_done_callback(cb), f.remove_done_callback(cb))
    f.set_result(7)
    await asyncio.sleep(0)


asyncio.run(main())
