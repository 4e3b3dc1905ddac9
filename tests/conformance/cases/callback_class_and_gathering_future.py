"""A class used as a loop callback is shown by its name (`int('7')`), and a
failed gather's future that nobody retrieves is a _GatheringFuture."""
import asyncio


class Note:
    def __init__(self, text):
        print("Note", text)


async def fail():
    raise ValueError("boom")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(int, "7")
    loop.call_soon(Note, "x")
    g = asyncio.gather(fail())
    print(g.done())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g.done(), repr(g.exception()))
    g2 = asyncio.gather(fail())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    del g2
    print("end")


asyncio.run(main())
