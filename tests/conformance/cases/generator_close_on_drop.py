# Sync generators inside tasks: lazy generator expressions, a generator
# closed when its last reference goes (finally runs at once), one whose
# cleanup raises (reported as "Exception ignored in"), and yield from.
import asyncio


def readings(name):
    try:
        for i in range(5):
            yield f"{name}-{i}"
    finally:
        print(name, "closed")


def broken():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")


def pipeline():
    got = yield from readings("inner")
    return got


async def consumer(name):
    it = readings(name)
    print(next(it))
    await asyncio.sleep(0.1)
    print(next(it))
    it = None
    print(name, "dropped its generator")
    b = broken()
    next(b)
    del b
    print(any(r.endswith("2") for r in readings(name + "-any")))
    return sum(len(x) for x in pipeline())


async def main():
    print(await asyncio.gather(consumer("a"), consumer("b")))


asyncio.run(main())
