# A CPU-heavy coroutine: loops, arithmetic, string building, dict and list
# work and method calls between awaits.
import asyncio

ROUNDS = 200


class Account:
    def __init__(self, name):
        self.name = name
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance


async def work(worker):
    accounts = {f"acct{i}": Account(f"acct{i}") for i in range(50)}
    digest = 0
    for r in range(ROUNDS):
        parts = []
        for i in range(200):
            key = f"acct{(i * 7 + r) % 50}"
            total = accounts[key].deposit(i % 13)
            digest = (digest * 31 + total) % 1000003
            if i % 20 == 0:
                parts.append(str(total))
        words = ",".join(parts).split(",")
        digest += len(words) + sum(len(w) for w in words)
        await asyncio.sleep(0)
    return digest


async def main():
    results = await asyncio.gather(*[work(w) for w in range(4)])
    print("digest", sum(results))


asyncio.run(main())
