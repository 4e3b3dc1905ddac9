"""A future made with loop.create_future(), resolved by a timer callback."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, "hello")
    print("waiting, done =", fut.done())
    value = await fut
    print("got", value, "done =", fut.done())


asyncio.run(main())
