# typing.NamedTuple (class and call syntax) and TypedDict, against collections.namedtuple.
from collections import namedtuple
from typing import NamedTuple, TypedDict


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return f"<{self.label} {self.x},{self.y}>"


p = Point(3, -4)
print(p, repr(p), p.norm1(), p._asdict(), Point._fields, Point._field_defaults)
print(p._replace(y=1), Point._make([1, 2, "q"]), isinstance(p, tuple), len(p), p[0], p[-1], list(p))
x, y, label = p
print(x, y, label, p == (3, -4, "p"), hash(p) == hash((3, -4, "p")), Point.__annotations__)
print(type(p).__name__, Point.__mro__, Point(x=1, label="z"))
for bad in (lambda: Point(), lambda: Point(1, 2, 3, 4), lambda: Point(1, z=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(NamedTuple):
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(NamedTuple):
        a: int
        def _replace(self):
            pass
except AttributeError as e:
    print("AttributeError:", e)
Pair = NamedTuple("Pair", [("left", int), ("right", str)])
print(Pair(1, "r"), Pair._fields, Pair.__name__)
Legacy = namedtuple("Legacy", "a b", defaults=[9])
print(Legacy(1), Legacy._fields, Legacy(1, 2)._asdict())


class Movie(TypedDict):
    title: str
    year: int


class Extra(Movie, total=False):
    rating: float


m = Movie(title="Alien", year=1979)
e = Extra(title="Heat", year=1995, rating=8.3)
print(m, type(m), e, type(e) is dict, Movie.__total__, Extra.__total__)
print(sorted(Movie.__required_keys__), sorted(Extra.__optional_keys__), sorted(Extra.__required_keys__), list(Extra.__annotations__))
Cfg = TypedDict("Cfg", {"host": str, "port": int}, total=False)
print(Cfg(host="h"), Cfg.__name__, Cfg.__total__, m["title"], {**m, "year": 1980})
# What python3 3.11 prints under the CPython oracle, in order:
# expect: <p 3,-4> Point(x=3, y=-4, label='p') 7 {'x': 3, 'y': -4, 'label': 'p'} ('x', 'y', 'label') {'y': 0, 'label': 'p'}
# expect: <p 3,1> <q 1,2> True 3 3 p [3, -4, 'p']
# expect: 3 -4 p True True {'x': <class 'int'>, 'y': <class 'int'>, 'label': <class 'str'>}
# expect: Point (<class '__main__.Point'>, <class 'tuple'>, <class 'object'>) <z 1,0>
# expect: TypeError: Point.__new__() missing 1 required positional argument: 'x'
# expect: TypeError: Point.__new__() takes from 2 to 4 positional arguments but 5 were given
# expect: TypeError: Point.__new__() got an unexpected keyword argument 'z'
# expect: TypeError: Non-default namedtuple field b cannot follow default field a
# expect: AttributeError: Cannot overwrite NamedTuple attribute _replace
# expect: Pair(left=1, right='r') ('left', 'right') Pair
# expect: Legacy(a=1, b=9) ('a', 'b') {'a': 1, 'b': 2}
# expect: {'title': 'Alien', 'year': 1979} <class 'dict'> {'title': 'Heat', 'year': 1995, 'rating': 8.3} True True False
# expect: ['title', 'year'] ['rating'] ['title', 'year'] ['title', 'year', 'rating']
# expect: {'host': 'h'} Cfg False Alien {'title': 'Alien', 'year': 1980}
