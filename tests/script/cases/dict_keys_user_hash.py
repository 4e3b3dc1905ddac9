# Instances of user classes as dict and set keys: their __hash__ and __eq__
# decide (not identity); a class defining __eq__ without __hash__ is
# unhashable; tuples holding such instances compare element-wise.
from dataclasses import dataclass
from datetime import date, datetime, timedelta


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


d = {P(1, 2): "a"}
print(d[P(1, 2)], P(1, 2) in d, P(2, 1) in d, len({P(1, 2), P(1, 2), P(0, 0)}))
d[P(1, 2)] = "b"
print(d, d.get(P(1, 2)), d.pop(P(1, 2)), d)
print({(P(1, 1), 3): "t"}[(P(1, 1), 3)], {P(5, 5)} & {P(5, 5), P(6, 6)}, {P(5, 5)} - {P(5, 5)})


class OnlyEq:
    def __eq__(self, o):
        return True


print(OnlyEq.__hash__)
try:
    {OnlyEq(): 1}
except TypeError as e:
    print("TypeError", e)


class Big:
    def __hash__(self):
        return 2 ** 70


class MinusOne:
    def __hash__(self):
        return -1


print(hash(Big()), hash(MinusOne()))


@dataclass(frozen=True)
class Key:
    name: str
    n: int = 0


counts = {}
for k in [Key("a"), Key("b"), Key("a"), Key("a", 1)]:
    counts[k] = counts.get(k, 0) + 1
print(counts)
days = {date(2024, 1, 1): "new year"}
print(days.get(date(2024, 1, 1)), date(2023, 12, 31) + timedelta(days=1) in days)
seen = {datetime(2024, 5, 1, 12, 0)}
print(datetime(2024, 5, 1, 12) in seen, datetime(2024, 5, 1, 13) in seen)


class Plain:
    pass


a = Plain()
print({a: 1}[a], Plain() in {a})
# expect: a True False 2
# expect: {} b b {}
# expect: t {P(5, 5)} set()
# expect: None
# expect: TypeError unhashable type: 'OnlyEq'
# expect: 512 -2
# expect: {Key(name='a', n=0): 2, Key(name='b', n=0): 1, Key(name='a', n=1): 1}
# expect: new year True
# expect: True False
# expect: 1 False
