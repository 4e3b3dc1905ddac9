# typing: the common names import, subscript and print as CPython prints
# them; Generic and Protocol are base classes; cast, overload, TypeVar,
# get_type_hints, TYPE_CHECKING.
import typing
from typing import (Any, AsyncIterator, Awaitable, Callable, ClassVar, Coroutine, Dict, Final, FrozenSet,
                    Generic, Iterable, List, Literal, Mapping, Optional, Protocol, Sequence, Set, Tuple, Type,
                    TypeVar, Union, cast, get_type_hints, overload, TYPE_CHECKING)

T = TypeVar("T")
K = TypeVar("K", covariant=True)
print(T, K, T.__name__, TYPE_CHECKING)
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, str])
print(Callable[[int, str], bool], Callable[..., Awaitable[None]], Tuple[int, ...], Any, List)
print(Literal["a", 1], ClassVar[int], Final[str], Type[T], Set[FrozenSet[int]], Mapping[str, Sequence[float]])
print(Optional[int] == Union[int, None], Union[int] is int, Union[int, Union[str, int]])
print(Coroutine[Any, Any, int], AsyncIterator[bytes] if False else AsyncIterator[str], Iterable[T])
print(typing.get_origin(List[int]) is list, typing.get_args(Dict[str, int]), typing.get_args(Callable[[int], str]))


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Greeter(Protocol):
    def greet(self) -> str: ...


b = Box[int](5)
print(b.get(), Box(3).item, Box.__mro__[1] is Generic, Box[int])


class Pt:
    x: int
    y: float
    label: ClassVar[str] = "pt"


class Pt3(Pt):
    z: int


print(get_type_hints(Pt3), cast(int, "not really"), cast("List[int]", [1]))


@overload
def twice(x: int) -> int: ...
@overload
def twice(x: str) -> str: ...
def twice(x):
    return x * 2


print(twice(2), twice("ab"))
try:
    List()
except TypeError as e:
    print("TypeError", e)
try:
    Optional[int, str]
except TypeError as e:
    print("TypeError", e)
try:
    Dict[int]
except TypeError as e:
    print("TypeError", e)
try:
    Any()
except TypeError as e:
    print("TypeError", e)
Handler = Callable[[Dict[str, Any]], Awaitable[Optional[str]]]
print(Handler)

# expect: ~T +K T False
# expect: typing.List[int] typing.Dict[str, int] typing.Optional[int] typing.Union[int, str] typing.Union[int, NoneType, str]
# expect: typing.Callable[[int, str], bool] typing.Callable[..., typing.Awaitable[NoneType]] typing.Tuple[int, ...] typing.Any typing.List
# expect: typing.Literal['a', 1] typing.ClassVar[int] typing.Final[str] typing.Type[~T] typing.Set[typing.FrozenSet[int]] typing.Mapping[str, typing.Sequence[float]]
# expect: True True typing.Union[int, str]
# expect: typing.Coroutine[typing.Any, typing.Any, int] typing.AsyncIterator[str] typing.Iterable[~T]
# expect: True (<class 'str'>, <class 'int'>) ([<class 'int'>], <class 'str'>)
# expect: 5 3 True __main__.Box[int]
# expect: {'x': <class 'int'>, 'y': <class 'float'>, 'label': typing.ClassVar[str], 'z': <class 'int'>} not really [1]
# expect: 4 abab
# expect: TypeError Type List cannot be instantiated; use list() instead
# expect: TypeError typing.Optional requires a single type. Got (<class 'int'>, <class 'str'>).
# expect: TypeError Too few arguments for typing.Dict; actual 1, expected 2
# expect: TypeError Any cannot be instantiated
# expect: typing.Callable[[typing.Dict[str, typing.Any]], typing.Awaitable[typing.Optional[str]]]
