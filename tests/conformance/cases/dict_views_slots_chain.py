# itertools.chain.from_iterable, set operations on dict views, reversed()
# of dicts and their views, and __slots__.
import itertools

print(list(itertools.chain.from_iterable(["ab", [1, 2], ()])), type(itertools.chain(["x"])).__name__)
print(isinstance(itertools.chain([1]), itertools.chain))
d = {"a": 1, "b": 2}
print(sorted(d.keys() | {"c"}), sorted(d.keys() & {"a", "z"}), sorted(d.keys() - {"a"}), sorted(d.keys() ^ {"a", "z"}))
print(sorted({"c"} | d.keys()), sorted(["a", "q"] & d.keys()))
print(sorted(d.items() | {("z", 0)}), sorted(d.items() & {("a", 1)}), sorted(d.items() - {("a", 1)}))
print(d.keys() & d.keys() == {"a", "b"}, type(d.keys() | []).__name__)
for bad in [lambda: d.values() | {1}, lambda: d.keys() | 1]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))


class P:
    __slots__ = ("x",)
    k = 0

    def __init__(self):
        self.x = 1


class Q(P):
    __slots__ = "z"


class Free(P):
    pass


p, q, f = P(), Q(), Free()
q.z = 3
f.anything = 4
print(p.x, q.x, q.z, f.anything, hasattr(p, "__dict__"), hasattr(q, "__dict__"), f.__dict__)
for obj, name in [(p, "y"), (q, "w"), (p, "k")]:
    try:
        setattr(obj, name, 2)
    except AttributeError as e:
        print(e)
try:
    P().y = 5
except AttributeError as e:
    print(e)
try:
    print(P.__new__(P).x)
except AttributeError as e:
    print(e)
