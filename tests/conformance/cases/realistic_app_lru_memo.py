"""Memoised helpers (lru_cache, partial, reduce) inside an async program."""
import asyncio
import functools
import operator


@functools.lru_cache(maxsize=32)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def scale(value: float, factor: float, offset: float = 0.0) -> float:
    return value * factor + offset


async def compute(label: str, n: int) -> str:
    await asyncio.sleep(0.01 * n)
    return f"{label}: fib({n}) = {fib(n)}"


async def main():
    for line in await asyncio.gather(*(compute(c, n) for c, n in zip("abc", (10, 30, 50)))):
        print(line)
    print(fib.cache_info())
    double = functools.partial(scale, factor=2)
    print(double(21), double(1, offset=0.5))
    print(functools.reduce(operator.mul, range(1, 11), 1))
    print(sorted(["pear", "Apple", "fig"], key=str.lower))
    print(list(map(str.upper, ["a", "b"])), operator.itemgetter(1, 0)(("x", "y")))


asyncio.run(main())
