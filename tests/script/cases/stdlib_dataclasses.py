# dataclasses: @dataclass with and without arguments, defaults and
# default_factory, repr/eq/order/frozen/unsafe_hash, field(repr=, compare=,
# init=), __post_init__, InitVar, kw_only, inheritance, ClassVar skipped,
# asdict/astuple/replace/fields/is_dataclass, and CPython's errors.
from dataclasses import (dataclass, field, asdict, astuple, replace, fields, is_dataclass, InitVar,
                         FrozenInstanceError, KW_ONLY)
from typing import ClassVar, List


@dataclass
class P:
    x: int
    y: int = 0


p = P(1)
print(p, P(1, 2) == P(1, 2), P(1) == P(2), p != P(1, 0), P.__init__.__qualname__)
print(P.__match_args__, P.__hash__ is None)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
try:
    P()
except TypeError as e:
    print("TypeError", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError", e)


class Outer:
    @dataclass(order=True)
    class Ver:
        major: int
        minor: int = 0
        note: str = field(default="", compare=False, repr=False)


v1, v2 = Outer.Ver(1, 2, "a"), Outer.Ver(1, 10, "b")
print(v1, v1 < v2, v2 >= v1, sorted([v2, v1]) == [v1, v2], Outer.Ver(1, 2, "x") == v1)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    tags: tuple = ()

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


pt = Point(3, 4)
print(pt, pt.norm(), hash(pt) == hash(Point(3, 4)), {pt: 1}[pt])
try:
    pt.x = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del pt.y
except AttributeError as e:
    print(type(e).__name__, e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, init=False)
    kind: ClassVar[str] = "inv"
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.count = len(self.items) * scale


a, b = Inventory("a"), Inventory("b", ["x", "y"], 10)
a.items.append("z")
print(a, b, a.items is not Inventory("c").items, Inventory.kind)
print([f.name for f in fields(Inventory)], is_dataclass(a), is_dataclass(Inventory), is_dataclass(3))
print(asdict(b), astuple(b))
print(fields(Inventory)[0].metadata, field(metadata={"unit": "s"}).metadata["unit"], repr(fields(Inventory)[1])[:40])


@dataclass
class Base:
    id: int
    label: str = "base"


@dataclass
class Child(Base):
    extra: list = field(default_factory=lambda: [1])
    label: str = "child"


c = Child(7)
print(c, replace(c, label="new"), replace(c, extra=[]).extra)


@dataclass
class Nested:
    child: Child
    pairs: dict


print(asdict(Nested(c, {"k": Base(1)})))


@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int


print(Opts(level=2))
try:
    Opts(True, 2)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int


print(Mixed(0, c=3))


@dataclass(unsafe_hash=True)
class H:
    k: str


print(hash(H("a")) == hash(H("a")), H("a"))


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Ident(1).__class__.__name__)


@dataclass
class Custom:
    v: int

    def __repr__(self):
        return "custom!"


print(Custom(1), [Custom(2)])
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Mut:
        items: list = []
except ValueError as e:
    print("ValueError", e)
try:
    replace(3)
except TypeError as e:
    print("TypeError", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass(order=True, eq=False)
    class O:
        x: int
except ValueError as e:
    print("ValueError", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError", e)
try:
    replace(Inventory("i"), count=3)
except ValueError as e:
    print("ValueError", e)

# expect: P(x=1, y=0) True False False P.__init__
# expect: ('x', 'y') True
# expect: TypeError unhashable type: 'P'
# expect: TypeError P.__init__() missing 1 required positional argument: 'x'
# expect: TypeError P.__init__() takes from 2 to 3 positional arguments but 4 were given
# expect: Outer.Ver(major=1, minor=2) True True True True
# expect: Point(x=3, y=4, tags=()) 5.0 True 1
# expect: FrozenInstanceError cannot assign to field 'x' True
# expect: FrozenInstanceError cannot delete field 'y'
# expect: Inventory(name='a', items=['z'], count=0) Inventory(name='b', items=['x', 'y'], count=20) True inv
# expect: ['name', 'items', 'count'] True True False
# expect: {'name': 'b', 'items': ['x', 'y'], 'count': 20} ('b', ['x', 'y'], 20)
# expect: {} s Field(name='items',type=typing.List[str]
# expect: Child(id=7, label='child', extra=[1]) Child(id=7, label='new', extra=[1]) []
# expect: {'child': {'id': 7, 'label': 'child', 'extra': [1]}, 'pairs': {'k': {'id': 1, 'label': 'base'}}}
# expect: Opts(verbose=False, level=2)
# expect: TypeError Opts.__init__() takes 1 positional argument but 3 were given
# expect: Mixed(a=0, b=1, c=3)
# expect: True H(k='a')
# expect: False Ident
# expect: custom! [custom!]
# expect: TypeError non-default argument 'y' follows default argument
# expect: ValueError mutable default <class 'list'> for field items is not allowed: use default_factory
# expect: TypeError replace() should be called on dataclass instances
# expect: TypeError must be called with a dataclass type or instance
# expect: ValueError eq must be true if order is true
# expect: ValueError cannot specify both default and default_factory
# expect: ValueError field count is declared with init=False, it cannot be specified with replace()
