# IntEnum, StrEnum, IntFlag and mixin enums (class C(str, Enum)) as 3.11
# has them: values compare and hash as the plain value, json gives the
# value, str()/format() as 3.11 does them.
import json
from enum import Enum, IntEnum, StrEnum, IntFlag, auto

class Color(str, Enum):
    RED = "red"
    GREEN = "green"

class Level(int, Enum):
    LOW = 1
    HIGH = 2

class Prio(IntEnum):
    LOW = 1
    MID = auto()
    HIGH = auto()

class Method(StrEnum):
    GET = auto()
    POST = "post"

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

for m in (Color.RED, Level.LOW, Prio.HIGH, Method.GET, Method.POST, Perm.R):
    print(repr(m), str(m), f"{m}", format(m, ""), "%s" % (m,), m.name, repr(m.value), type(m.value).__name__)
print(Color.RED == "red", Level.LOW == 1, Prio.HIGH > 1, Prio.HIGH + 1, Method.GET == "get", Method.POST.upper())
print(json.dumps({"c": Color.RED, "l": Level.LOW, "p": Prio.HIGH, "m": Method.POST, "f": Perm.W}))
print({"red": 1}.get(Color.RED), {1: "x"}.get(Prio.LOW), {Color.RED: 1}.get("red"), hash(Prio.MID) == hash(2))
print(Color("red"), Prio(2), Method("post"), Color("red") is Color.RED, isinstance(Prio.LOW, int), isinstance(Method.GET, str))
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), repr(Perm.R | 1), repr(Perm(7)), Perm.R & 4, ~Perm.R, repr(Perm(0)))
print(Perm.R in (Perm.R | Perm.W), list(Perm), len(Perm), repr(Perm.R | 8), Perm.R + 1, type(Perm.R + 1).__name__)
print(sorted([Prio.HIGH, Prio.LOW]), max(Prio), Prio.LOW < Prio.HIGH, [p.value for p in Prio], Prio.MID * 10)
print(f"{Prio.HIGH:>5}|{Color.RED:>10}|{Method.POST:^7}|{Perm.W:03d}|{Level.HIGH:>7}")
print([c.value for c in Color], Color.RED.upper(), Color.RED + "!", Level.HIGH * 3)
print(list(range(Prio.HIGH)), ["a", "b", "c"][Prio.LOW], "x" * Prio.MID, Prio(Prio.LOW))

class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value, repr(Planet.EARTH))

class Coin(int, Enum):
    PENNY = 1, "penny"
    DIME = 10, "dime"

    def __new__(cls, value, label):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

print(Coin.DIME, Coin.DIME.label, Coin(10) is Coin.DIME, Coin.DIME + 1, repr(Coin.PENNY))
try:
    Prio(7)
except ValueError as e:
    print(e)
try:
    Color("blue")
except ValueError as e:
    print(e)
print(type(Prio.LOW).__mro__)
