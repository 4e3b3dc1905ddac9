import asyncio
from decimal import Decimal


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account = account
        self.amount = amount


class Account:
    _next = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account._next
        Account._next += 1
        self.lock = asyncio.Lock()
        self.log = []

    def __repr__(self):
        return f"Account(#{self.number}, {self.owner!r}, balance={self.balance})"

    def __str__(self):
        return f"{self.owner}: ${self.balance:,.2f}"


async def transfer(src, dst, amount):
    first, second = sorted([src, dst], key=lambda a: a.number)
    async with first.lock:
        await asyncio.sleep(0.01)
        async with second.lock:
            if src.balance < amount:
                raise InsufficientFunds(src, amount)
            src.balance -= amount
            dst.balance += amount
            src.log.append(-amount)
            dst.log.append(amount)


async def main():
    a, b, c = Account("alice", 100), Account("bob", 50), Account("carol")
    ops = [(a, b, 30), (b, c, 70), (c, a, 10), (b, a, 500), (a, c, 25.5)]
    results = await asyncio.gather(*(transfer(*op) for op in ops), return_exceptions=True)
    for op, r in zip(ops, results):
        status = "ok" if r is None else f"FAILED: {r}"
        print(f"{op[0].owner:>6} -> {op[1].owner:<6} {op[2]:>7.2f}  {status}")
    for acct in (a, b, c):
        print(acct, repr(acct), acct.log)
    print(Decimal("0.1") + Decimal("0.2"), Decimal("10") / Decimal("3"))
    total = sum(x.balance for x in (a, b, c))
    print(f"total={total} {total:e} {total:08.3f} {int(total):#x} {int(total):b}")

asyncio.run(main())
