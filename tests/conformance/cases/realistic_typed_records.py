"""Typed records: NamedTuple and TypedDict rows flowing through an async pipeline."""
import asyncio
from collections import namedtuple
from typing import NamedTuple, Optional, TypedDict


class Trade(NamedTuple):
    symbol: str
    qty: int
    price: float = 0.0

    def value(self) -> float:
        return self.qty * self.price

    def __str__(self) -> str:
        return f"{self.symbol} x{self.qty} @ {self.price:.2f}"


class Summary(TypedDict, total=False):
    symbol: str
    total_qty: int
    notional: float


Quote = namedtuple("Quote", "symbol bid ask", defaults=[0.0])


async def feed(queue: asyncio.Queue) -> None:
    for t in [Trade("ACME", 10, 12.5), Trade("INIT", 3), Trade("ACME", -4, 13.0), Trade("ZED", 7, 1.25)]:
        await queue.put(t)
        await asyncio.sleep(0.1)
    await queue.put(None)


async def aggregate(queue: asyncio.Queue) -> dict[str, Summary]:
    out: dict[str, Summary] = {}
    while (trade := await queue.get()) is not None:
        symbol, qty, price = trade
        row = out.setdefault(symbol, Summary(symbol=symbol, total_qty=0, notional=0.0))
        row["total_qty"] += qty
        row["notional"] += trade.value()
        print("got", trade, repr(trade), trade._asdict())
    return out


async def main():
    q: asyncio.Queue = asyncio.Queue()
    _, summary = await asyncio.gather(feed(q), aggregate(q))
    for symbol, row in sorted(summary.items()):
        print(symbol, row, type(row).__name__)
    t = Trade("X", 1)
    print(t._replace(price=2.0), Trade._fields, Trade._field_defaults, isinstance(t, tuple), len(t), t[0])
    print(Quote("ACME", 1.0), Quote._make(["B", 2, 3]), Quote("Z", 1, 2) == ("Z", 1, 2))
    Point = NamedTuple("Point", [("x", int), ("y", int)])
    Row = TypedDict("Row", {"id": int, "name": Optional[str]})
    print(Point(1, 2), Row(id=1, name=None), Summary.__total__, sorted(Summary.__annotations__))
    try:
        Trade()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
