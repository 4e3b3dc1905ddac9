from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Dict, Generic, Iterable, List, Optional, TypeVar, Union, Protocol, NamedTuple, TypedDict, Literal, cast

T = TypeVar("T")
R = TypeVar("R")


class Point(NamedTuple):
    x: int
    y: int = 0

    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


class Movie(TypedDict):
    title: str
    year: int


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def map(self, fn: Callable[[T], R]) -> "Box[R]":
        return Box(fn(self.item))

    def __repr__(self) -> str:
        return f"Box({self.item!r})"


async def gather_map(fn: Callable[[T], Awaitable[R]], items: Iterable[T], limit: int = 2) -> List[R]:
    sem = asyncio.Semaphore(limit)

    async def one(x: T) -> R:
        async with sem:
            return await fn(x)

    return list(await asyncio.gather(*(one(i) for i in items)))


async def slow_square(x: int) -> int:
    await asyncio.sleep(0.1 * x)
    return x * x


def first(xs: list[int] | None = None, default: Optional[int] = None) -> int | None:
    return xs[0] if xs else default


Mode = Literal["r", "w"]


def open_mode(m: Mode) -> str:
    return {"r": "read", "w": "write"}[m]


async def main() -> None:
    print(await gather_map(slow_square, range(5)))
    p = Point(3, 4)
    print(p, p.dist(), p._fields, Point._field_defaults, Point(1))
    m: Movie = {"title": "Alien", "year": 1979}
    print(m, type(m).__name__)
    print(Box(2).map(lambda v: v * 1.5).map(str))
    print(first(), first([5, 6]), first([], -1), open_mode("w"))
    x = cast(int, "not really")
    print(x)
    print(main.__annotations__, first.__annotations__["xs"])
    loop = asyncio.get_running_loop()
    print(round(loop.time(), 2))

asyncio.run(main())
