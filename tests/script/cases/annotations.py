# Annotations: recorded in order in a class's and the module's
# __annotations__ (evaluated), `x: int` alone binds nothing, function-local
# annotations are never evaluated, and any annotation expression is accepted.
from typing import Optional

count: int = 3
label: "Forward"


class P:
    x: int
    y: float = 0.5
    name: Optional[str] = None
    tags: list[str] | None = None
    z: "Later"
    if True:
        w: dict = {}


def f():
    local: UndefinedName = 1
    other: AlsoUndefined
    return local


print(list(P.__annotations__))
print(P.__annotations__["x"], P.__annotations__["y"], P.__annotations__["name"], P.__annotations__["z"])
print(hasattr(P, "x"), P.y, P.w, f())
print(__annotations__)
try:
    print(label)
except NameError as e:
    print("NameError", e)


class Empty:
    pass


print("__annotations__" in vars(Empty), isinstance(3, int | None), isinstance(None, int | None), isinstance("s", int | None))
try:
    class Bad:
        a: undefined_name = 1
except NameError as e:
    print("NameError", e)


def g(a: int, *args: str, b: "B" = 2, c=3, **kw: float) -> bool:
    pass


def nothing(x):
    pass


print(g.__annotations__, nothing.__dict__, g.__dict__)


class Sub(P):
    pass


print(Empty.__annotations__, Sub.__annotations__, nothing.__annotations__, list(P.__annotations__)[:2])
nothing.__annotations__ = {"x": int}
print(nothing.__annotations__)
try:
    nothing.__annotations__ = 3
except TypeError as e:
    print("TypeError", e)


def posonly(a: "x" = 1, /, b: int = 2, *rest: str, k: bool, **kw: None) -> None:
    pass


class Paren:
    (p): int = 3
    plain: int = 4


print(posonly.__annotations__, Paren.__annotations__, Paren.p)

# expect: ['x', 'y', 'name', 'tags', 'z', 'w']
# expect: <class 'int'> <class 'float'> typing.Optional[str] Later
# expect: False 0.5 {} 1
# expect: {'count': <class 'int'>, 'label': 'Forward'}
# expect: NameError name 'label' is not defined
# expect: False True True False
# expect: NameError name 'undefined_name' is not defined
# expect: {'a': <class 'int'>, 'args': <class 'str'>, 'b': 'B', 'kw': <class 'float'>, 'return': <class 'bool'>} {} {}
# expect: {} {} {} ['x', 'y']
# expect: {'x': <class 'int'>}
# expect: TypeError __annotations__ must be set to a dict object
# expect: {'b': <class 'int'>, 'a': 'x', 'rest': <class 'str'>, 'k': <class 'bool'>, 'kw': None, 'return': None} {'plain': <class 'int'>} 3
