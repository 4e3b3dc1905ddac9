# itertools: every iterator is lazy and yields what CPython yields.
import itertools
from itertools import count, cycle, islice, chain, repeat

def show(f, *args, **kw):
    try:
        print(list(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

print(list(islice(count(), 5)), list(islice(count(10, -2), 3)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), list(islice(repeat(1), 2)), list(repeat(0, -1)))
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", None)), list(islice(range(5), 1, None)))
print(list(chain([1, 2], "ab", (3,))), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([3, 1, 4], max)), list(itertools.accumulate([1, 2], initial=10)))
print(list(itertools.product("ab", range(2))), list(itertools.product([0, 1], repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.permutations("abc")))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations("ab", 3)))
print(list(itertools.combinations_with_replacement("abc", 2)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccaa")])
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = list(itertools.groupby("aabb"))
print([list(g) for k, g in groups])
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.pairwise("abcd")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1])))
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
pulled = []
print(list(islice(count(), 3)))
it = map(lambda x: pulled.append(x) or x, range(100))
first = list(islice(it, 3))
print(first, pulled)
c = count(5)
print(next(c), next(c), next(c))
show(count, "a")
show(islice, [1], -1)
show(islice, [1], 0, 1, 0)
show(itertools.permutations, [1], -1)
show(itertools.combinations, [1])
show(itertools.product, [1], repeat=-1)
show(chain, 1)
show(itertools.pairwise)
# expect: [0, 1, 2, 3, 4] [10, 8, 6] [0.5, 0.75, 1.0]
# expect: ['a', 'b', 'a', 'b', 'a'] ['x', 'x', 'x'] [1, 1] []
# expect: [2, 5] ['a', 'b', 'c', 'd', 'e', 'f'] [1, 2, 3, 4]
# expect: [1, 2, 'a', 'b', 3] [1, 3, 6, 10]
# expect: [3, 3, 4] [10, 11, 13]
# expect: [('a', 0), ('a', 1), ('b', 0), ('b', 1)] [(0, 0), (0, 1), (1, 0), (1, 1)]
# expect: [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]
# expect: [('a', 'b', 'c'), ('a', 'c', 'b'), ('b', 'a', 'c'), ('b', 'c', 'a'), ('c', 'a', 'b'), ('c', 'b', 'a')]
# expect: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] []
# expect: [('a', 'a'), ('a', 'b'), ('a', 'c'), ('b', 'b'), ('b', 'c'), ('c', 'c')]
# expect: [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('a', ['a', 'a'])]
# expect: [(1, 2), (0, 2), (1, 1)]
# expect: [[], []]
# expect: [('a', 1), ('b', '-'), ('c', '-')] [('a', 'b'), ('b', 'c'), ('c', 'd')]
# expect: [8, 9] [1, 2]
# expect: [5, 1] [0, '']
# expect: ['a', 'c', 'e']
# expect: 1 2 [1, 2, 3] [3]
# expect: [0, 1, 2]
# expect: [0, 1, 2] [0, 1, 2]
# expect: 5 6 7
# expect: TypeError a number is required
# expect: ValueError Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# expect: ValueError Step for islice() must be a positive integer or None.
# expect: ValueError r must be non-negative
# expect: TypeError combinations() missing required argument 'r' (pos 2)
# expect: ValueError repeat argument cannot be negative
# expect: TypeError 'int' object is not iterable
# expect: TypeError pairwise expected 1 argument, got 0
