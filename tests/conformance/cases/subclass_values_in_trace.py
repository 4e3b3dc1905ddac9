"""Results that are instances of container subclasses render as <TypeName> in the trace."""
import asyncio
from collections import Counter, OrderedDict, defaultdict, namedtuple

Point = namedtuple("Point", "x y")


class Tags(set):
    pass


class Path(list):
    pass


async def counter():
    await asyncio.sleep(0.1)
    return Counter("abca")


async def point():
    await asyncio.sleep(0.2)
    return Point(1, 2)


async def others():
    await asyncio.sleep(0.3)
    return [OrderedDict(a=1), defaultdict(list), Tags({1}), Path([1, 2]), {"plain": [1]}]


async def main():
    results = await asyncio.gather(counter(), point(), others())
    print(results[0].most_common(1), results[1].x, len(results[2]))


asyncio.run(main())
