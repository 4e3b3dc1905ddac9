# functools: wraps/update_wrapper, lru_cache (bare, with arguments,
# maxsize eviction, cache_info, cache_clear), cache, total_ordering,
# cached_property, singledispatch; lru_cache on an async def caches the
# coroutine object.
import asyncio
import functools


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return fn(*args, **kwargs) + 1
    return wrapper


@deco
def add(a, b):
    """Add two numbers."""
    return a + b


add.extra = "kept"
print(add(1, 2), add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__wrapped__.__name__)


def plain():
    pass


plain.tag = 7
def shell():
    pass


functools.update_wrapper(shell, plain)
print(shell.__name__, shell.tag, shell.__wrapped__ is plain)


@functools.lru_cache(maxsize=2)
def square(n):
    print("computing", n)
    return n * n


print(square(2), square(3), square(2), square(4), square(3))
print(square.cache_info())
square.cache_clear()
print(square.cache_info(), square.__name__)


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40), fib.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)


@functools.cache
def ident(x, *, k=0):
    print("miss", x, k)
    return x


ident(1)
ident(1)
ident(1, k=2)
ident(1, k=2)
print(ident.cache_info())
try:
    ident([1])
except TypeError as e:
    print("TypeError", e)
try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError", e)


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(1), Version(2) >= Version(2))
try:
    @functools.total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError", e)


class Data:
    def __init__(self):
        self.calls = 0

    @functools.cached_property
    def total(self):
        self.calls += 1
        return 42


d = Data()
print(d.total, d.total, d.calls, type(Data.__dict__["total"]).__name__ if hasattr(Data, "__dict__") else "")


@functools.singledispatch
def show(x):
    return f"object {x}"


@show.register(int)
def _(x):
    return f"int {x}"


@show.register(list)
def _(x):
    return f"list of {len(x)}"


@show.register
def _(x: float):
    return f"float {x}"


print(show(1), show([1, 2]), show("s"), show(True), show(1.5))


@functools.lru_cache(maxsize=None)
async def fetch(key):
    await asyncio.sleep(0.1)
    return key.upper()


async def main():
    print(await fetch("a"))
    try:
        await fetch("a")
    except RuntimeError as e:
        print("RuntimeError", e)
    print(fetch.cache_info())


asyncio.run(main())

# expect: 4 add add Add two numbers. __main__ add
# expect: plain 7 True
# expect: computing 2
# expect: computing 3
# expect: computing 4
# expect: computing 3
# expect: 4 9 4 16 9
# expect: CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
# expect: CacheInfo(hits=0, misses=0, maxsize=2, currsize=0) square
# expect: 102334155 CacheInfo(hits=38, misses=41, maxsize=128, currsize=41)
# expect: 38 41 128 41
# expect: miss 1 0
# expect: miss 1 2
# expect: CacheInfo(hits=2, misses=2, maxsize=None, currsize=2)
# expect: TypeError unhashable type: 'list'
# expect: TypeError Expected first argument to be an integer, a callable, or None
# expect: True True False True
# expect: ValueError must define at least one ordering operation: < > <= >=
# expect: 42 42 1 cached_property
# expect: int 1 list of 2 object s int True float 1.5
# expect: A
# expect: RuntimeError cannot reuse already awaited coroutine
# expect: CacheInfo(hits=1, misses=1, maxsize=None, currsize=1)
