from abc import ABC, abstractmethod
import functools
import math


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self) -> float: ...

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __hash__(self):
        return hash(self.parts)

    def __str__(self):
        return ".".join(map(str, self.parts))

    __repr__ = lambda self: f"Version('{self}')"


shapes = [Circle(1), Rect(2, 3), Square(2), Circle(0.5)]
print(sorted(shapes))
print(max(shapes), min(shapes, key=lambda s: s.area()))
print(Shape.count, Square.__mro__)
print(isinstance(shapes[2], Rect), issubclass(Square, Shape))
try:
    Shape("x")
except TypeError as e:
    print(e)
vs = [Version("1.10.0"), Version("1.2.3"), Version("1.2.10")]
print(sorted(vs), Version("1.2.3") >= Version("1.2.3"), Version("2.0") > Version("1.9.9"))
print({Version("1.0"): "one"}[Version("1.0")])
print(len({Version("1.0"), Version("1.0")}))


class Meta(type):
    registry = {}

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry[name] = cls
        return cls


class Plugin(metaclass=Meta):
    pass


class CsvPlugin(Plugin):
    pass


print(sorted(Meta.registry))


class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @classmethod
    def from_f(cls, f):
        t = cls(0)
        t.fahrenheit = f
        return t

    @staticmethod
    def valid(c):
        return c > -273.15


t = Temperature.from_f(212)
print(t._c, t.fahrenheit, Temperature.valid(-300))
print(vars(t), getattr(t, "missing", "n/a"), hasattr(t, "_c"))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print(e)
