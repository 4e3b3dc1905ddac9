import itertools as it
import functools
import operator
from collections import Counter

data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(list(it.accumulate(data)))
print(list(it.accumulate(data, max)))
print(list(it.accumulate(data, operator.mul, initial=1))[:5])
print(list(it.islice(it.cycle("abc"), 7)))
print(list(it.pairwise(data[:5])))
print([(k, len(list(g))) for k, g in it.groupby(sorted(data))])
print(list(it.combinations("abcd", 2)))
print(len(list(it.permutations(range(5), 3))))
print(list(it.product("ab", repeat=2)))
print(list(it.zip_longest("abc", [1, 2], fillvalue="-")))
print(list(it.starmap(pow, [(2, 5), (3, 2)])))
print(list(it.takewhile(lambda x: x < 5, data)), list(it.dropwhile(lambda x: x < 5, data)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.filterfalse(lambda x: x % 2, data)))
a, b = it.tee(iter(data[:4]))
print(list(a), list(b))
print(list(it.chain.from_iterable([[1, 2], [3], []])))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3]))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def ways(n, coins=(1, 5, 10, 25)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


print(ways(100))
double = functools.partial(operator.mul, 2)
print(list(map(double, range(5))), double.func, double.args)
print(sorted(["banana", "Apple", "cherry"], key=str.lower))
print(sorted(Counter("mississippi").items(), key=operator.itemgetter(1, 0), reverse=True))
getter = operator.attrgetter("real", "imag")
print(getter(3 + 4j))
print(list(map(operator.methodcaller("upper"), ["a", "b"])))
words = "the cat sat on the mat the end".split()
c = Counter(words)
print(c.most_common(2), c["the"], c["dog"], sum(c.values()))
c.update(["cat", "dog"])
print(c - Counter(the=2), +c)
print(next(x for x in it.count(10, 7) if x % 4 == 0))
print(any(n > 1000 for n in it.count()))
print(list(it.repeat("x", 3)), list(zip(it.count(), "ab")))
print(functools.reduce(operator.or_, [{1}, {2}, {3, 1}]))
