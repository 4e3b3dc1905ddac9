# enum: Enum, auto, unique; members, lookups, iteration, reprs, errors.
from enum import Enum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"

class State(Enum):
    NEW = auto()
    PAID = auto()
    DONE = auto()

print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"])  # expect: Color.RED <Color.GREEN: 2> RED 1 Color.GREEN Color.BLUE
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.RED in Color, type(Color.RED).__name__)  # expect: [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>] 3 True True Color
print([s.value for s in State], State.PAID, Color.BLUE.describe(), Color, isinstance(Color.RED, Color))  # expect: [1, 2, 3] State.PAID BLUE is 3 <enum 'Color'> True
print({Color.RED: "r", State.NEW: "n"}[Color.RED], Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)  # expect: r True False True
print(f"{Color.RED}", str(State.DONE), list(Color.__members__), sorted(m.name for m in State))  # expect: Color.RED State.DONE ['RED', 'GREEN', 'BLUE', 'CRIMSON'] ['DONE', 'NEW', 'PAID']
match State.PAID:
    case State.NEW:
        print("new")  # expect: paid
    case State.PAID:
        print("paid")  # expect: ValueError: 7 is not a valid Color
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)  # expect: KeyError: 'PINK'
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)  # expect: ValueError: duplicate values found in <enum 'Dup'>: B -> A
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)  # expect: TypeError: '<' not supported between instances of 'Color' and 'Color'
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)  # expect: Fine.Y x ['X', 'Y']
@unique
class Fine(Enum):
    X = "x"
    Y = "y"
print(Fine("y"), Fine.X.value, [f.name for f in Fine])
