import asyncio


class BadThing(Exception):
    pass


def helper(x):
    if x > 2:
        raise BadThing(f"x too big: {x}")
    return x


async def work(n):
    await asyncio.sleep(0.1)
    try:
        return helper(n)
    except BadThing as e:
        raise RuntimeError("work failed") from e


async def main():
    print(await work(1))
    await work(5)

asyncio.run(main())
