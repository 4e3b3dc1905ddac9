import string
import functools
from dataclasses import dataclass, field, asdict, astuple, replace, fields
from enum import StrEnum, Enum
from types import SimpleNamespace
from collections.abc import Iterable, Mapping, Sequence


class Color(StrEnum):
    RED = "red"
    GREEN = "green"


@dataclass(slots=True, kw_only=True)
class Config:
    host: str = "localhost"
    port: int = 8080
    tags: list[str] = field(default_factory=list)


@functools.singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


class Base:
    registry = []

    def __init_subclass__(cls, /, kind="plain", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Base.registry.append(cls.__name__)


class A(Base, kind="alpha"):
    pass


class B(Base):
    pass


cfg = Config(port=9000, tags=["x"])
print(cfg, asdict(cfg), astuple(cfg), replace(cfg, host="h"))
print([f.name for f in fields(Config)])
print(Color.RED, Color.RED == "red", Color("green").upper(), f"{Color.GREEN}")
ns = SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns))
print(describe(3), describe([1, 2]), describe("s"))
print(Base.registry, A.kind, B.kind)
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("x", Iterable), isinstance(3, Iterable))
t = string.Template("$who likes $what")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.ascii_lowercase[:5], string.digits, string.punctuation[:5], string.capwords("hello world"))
x = 42
print(f"{x=}", f"{x!r:>6}", f"{3.14159:.2f}", f"{1234567:,}", f"{0.25:.1%}", f"{x:08b}", f"{'hi':*^10}")
first, *middle, last = range(6)
print(first, middle, last, *middle, sep="|")
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (-t[1], t[0])))
print(list(zip("ab", [1, 2], strict=True)), round(2.5), round(3.5), round(-0.5), divmod(-7, 2), -7 // 2, -7 % 2)
print(int("ff", 16), int("0b101", 0), hex(255), oct(8), bin(5), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print("a,b,,c".split(","), "  x ".strip(), "Hello".center(11, "-"), "abc".zfill(6), "x".join("123"), "TiTle me".title())
print("hello world".partition(" "), "a-b-c".rsplit("-", 1), "abc".startswith(("x", "a")), "%5.1f|%-4d|%s" % (3.14159, 7, None))


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n
    return inc


c = counter()
c(); c()
print(c())
total = 0


def add(v):
    global total
    total += v


add(5); add(6)
print(total, globals()["total"])
print(dir(ns)[-3:])
