"""An inventory service with frozen dataclasses, asdict and replace."""
import asyncio
from dataclasses import dataclass, asdict, replace, field


@dataclass(frozen=True)
class Item:
    sku: str
    name: str
    price: float
    tags: tuple = ()


@dataclass
class Stock:
    item: Item
    count: int = 0
    history: list = field(default_factory=list)

    def adjust(self, delta: int, reason: str):
        self.count += delta
        self.history.append((delta, reason))


async def restock(stock: Stock, amount: int, delay: float):
    await asyncio.sleep(delay)
    stock.adjust(amount, "restock")


async def sell(stock: Stock, amount: int, delay: float):
    await asyncio.sleep(delay)
    if stock.count < amount:
        print(f"cannot sell {amount} {stock.item.name}: only {stock.count}")
        return
    stock.adjust(-amount, "sale")


async def main():
    tea = Item("T-1", "tea", 3.5, ("drink",))
    stock = Stock(tea)
    await asyncio.gather(restock(stock, 10, 0.2), sell(stock, 4, 0.1), sell(stock, 4, 0.3), sell(stock, 4, 0.4))
    print(stock)
    print(asdict(tea))
    cheaper = replace(tea, price=2.99)
    print(cheaper, cheaper == tea, hash(cheaper) == hash(replace(cheaper)))
    try:
        tea.price = 1
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
