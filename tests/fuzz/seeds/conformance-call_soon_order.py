"""call_soon callbacks run FIFO, in the next iteration; callbacks scheduled
by a callback wait for the iteration after."""
import asyncio


def step(name, loop):
    print("callback", name)
    if name == "b":
        loop.call_soon(step, "b-child", loop)


async def main():
    loop = asyncio.get_running_loop()
    for name in ("a", "b", "c"):
        loop.call_soon(step, name, loop)
    print("scheduled three callbacks")
    await asyncio.sleep(0)
    print("main after one iteration")
    await asyncio.sleep(0)
    print("main after two iterations")


asyncio.run(main())
