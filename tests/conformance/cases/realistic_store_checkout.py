import asyncio
import random
from collections import Counter
from dataclasses import dataclass


@dataclass
class Product:
    sku: str
    name: str
    price: float
    qty: int = 0

    @property
    def value(self) -> float:
        return round(self.price * self.qty, 2)


class OutOfStock(Exception):
    def __init__(self, product: Product, wanted: int):
        self.product = product
        self.wanted = wanted
        super().__init__(f"only {product.qty} x {product.name} left, wanted {wanted}")


class Store:
    def __init__(self):
        self.products: dict[str, Product] = {}
        self.sales = Counter()
        self.lock = asyncio.Lock()

    def add(self, *products: Product) -> None:
        for p in products:
            self.products[p.sku] = p

    async def buy(self, customer: str, sku: str, n: int) -> float:
        async with self.lock:
            p = self.products[sku]
            await asyncio.sleep(0.01)
            if p.qty < n:
                raise OutOfStock(p, n)
            p.qty -= n
            self.sales[sku] += n
            return p.price * n

    def report(self) -> str:
        lines = [f"{'SKU':<6}{'Name':<12}{'Qty':>5}{'Value':>10}"]
        for p in sorted(self.products.values(), key=lambda p: -p.value):
            lines.append(f"{p.sku:<6}{p.name:<12}{p.qty:>5}{p.value:>10.2f}")
        total = sum(p.value for p in self.products.values())
        lines.append(f"{'total':<23}{total:>10.2f}")
        return "\n".join(lines)


async def customer(store, name, rng):
    spent = 0.0
    for _ in range(3):
        sku = rng.choice(list(store.products))
        n = rng.randint(1, 4)
        try:
            spent += await store.buy(name, sku, n)
        except OutOfStock as e:
            print(f"{name}: {e}")
        await asyncio.sleep(rng.random() / 10)
    return name, round(spent, 2)


async def main():
    rng = random.Random(99)
    store = Store()
    store.add(Product("A1", "widget", 2.5, 10), Product("B2", "gadget", 12.0, 3), Product("C3", "doohickey", 0.99, 25))
    results = await asyncio.gather(*(customer(store, f"cust{i}", rng) for i in range(4)))
    for name, spent in sorted(results, key=lambda r: r[1], reverse=True):
        print(f"{name} spent ${spent:.2f}")
    print(store.report())
    print(store.sales.most_common(), sum(store.sales.values()))

asyncio.run(main())
