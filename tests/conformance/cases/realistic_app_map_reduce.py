"""Word count as map-reduce over chunks, with itertools and Counter."""
import asyncio
import itertools
from collections import Counter

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog outpaces a quick fox""".splitlines()


def batched(iterable, n):
    it = iter(iterable)
    while batch := list(itertools.islice(it, n)):
        yield batch


async def mapper(chunk_id: int, lines: list[str]) -> Counter:
    await asyncio.sleep(0.05 * chunk_id)
    words = itertools.chain.from_iterable(line.split() for line in lines)
    return Counter(words)


async def main():
    words = [w for line in TEXT for w in line.split()]
    chunks = list(batched(words, 6))
    partials = await asyncio.gather(*(mapper(i, [" ".join(c)]) for i, c in enumerate(chunks)))
    total = sum(partials, Counter())
    print(total.most_common(4))
    for first, group in itertools.groupby(sorted(total), key=lambda w: w[0]):
        print(first, list(group))
    print(list(itertools.accumulate([len(c) for c in chunks])))
    print(list(itertools.pairwise("abcd")), list(itertools.product("ab", repeat=2)))


asyncio.run(main())
