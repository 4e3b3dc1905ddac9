"""Bank transfers: a race without a lock, and the same with one."""
import asyncio


class Account:
    def __init__(self, owner: str, balance: int):
        self.owner = owner
        self.balance = balance
        self.lock = asyncio.Lock()

    def __str__(self):
        return f"{self.owner}: {self.balance}"


async def unsafe_withdraw(acct: Account, amount: int) -> bool:
    if acct.balance >= amount:
        await asyncio.sleep(0.01)  # talk to the ledger service
        acct.balance -= amount
        return True
    return False


async def safe_withdraw(acct: Account, amount: int) -> bool:
    async with acct.lock:
        return await unsafe_withdraw(acct, amount)


async def main():
    for withdraw in (unsafe_withdraw, safe_withdraw):
        acct = Account("ada", 100)
        results = await asyncio.gather(*[withdraw(acct, 30) for _ in range(5)])
        print(f"{withdraw.__name__:16} approved={results.count(True)} -> {acct}")


asyncio.run(main())
