# Assignment expressions and multi-item / parenthesised with statements.
import asyncio

data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)  # expect: long 4
big = [y for x in data if (y := x * 2) > 5]
print(big, y)  # expect: [6, 16, 18] 18
def scan():
    found = [last := v for v in range(4)]
    return found, last
print(scan())  # expect: ([0, 1, 2, 3], 3)
items = iter([1, 2, 0, 5])
while (v := next(items)) != 0:
    print("got", v)  # expect: got 1
    # expect: got 2
print(n := 10, n)  # expect: 10 10

class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name)
        return False
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name.upper()
    async def __aexit__(self, *exc):
        print("aexit", self.name)

with Ctx("a") as x, Ctx("b") as y:
    print("body", x, y)
# expect: enter a
# expect: enter b
# expect: body a b
# expect: exit b
# expect: exit a
with (Ctx("p") as p,
      Ctx("q") as q):
    print(p + q)
# expect: enter p
# expect: enter q
# expect: pq
# expect: exit q
# expect: exit p
with (Ctx("t")):
    pass
# expect: enter t
# expect: exit t

async def main():
    async with Ctx("x") as a, Ctx("y") as b:
        print(a, b)
asyncio.run(main())
# expect: aenter x
# expect: aenter y
# expect: X Y
# expect: aexit y
# expect: aexit x
