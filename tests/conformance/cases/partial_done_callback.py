# A functools.partial as a done callback: the trace shows f(a, F), the repr
# the partial's function with its arguments.
import asyncio
import functools


def cb(tag, fut):
    print("cb", tag, fut.result())


async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(functools.partial(cb, "x"))
    print(f)
    f.set_result(1)
    await asyncio.sleep(0)
    print(f.remove_done_callback(cb))


asyncio.run(main())
