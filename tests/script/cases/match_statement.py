# match/case: literals, captures, wildcard, values, sequences with a star,
# mappings with **rest, class patterns, guards, alternatives, as.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Color:
    RED = "red"
    GREEN = "green"

def describe(msg):
    match msg:
        case 0 | 1 as small:
            return f"small {small}"
        case -5:
            return "minus five"
        case None:
            return "nothing"
        case True:
            return "yes"
        case "quit" | "exit":
            return "bye"
        case Color.RED:
            return "stop"
        case [x]:
            return f"one item {x}"
        case [first, *rest] if len(rest) > 2:
            return f"long list from {first} ({len(rest)} more)"
        case (a, b, *_):
            return f"pair-ish {a},{b}"
        case {"type": "move", "to": Point(x=0, y=0)}:
            return "move home"
        case {"type": "move", "to": Point(px, py), **extra}:
            return f"move to {px},{py} {extra}"
        case {"type": str(kind)}:
            return "message " + kind
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "unknown"

for m in [0, 1, -5, None, True, "exit", "red", [7], [1, 2, 3, 4], (1, 2, 3), [1, 2],
          {"type": "move", "to": Point(0, 0)}, {"type": "move", "to": Point(2, 3), "speed": 5},
          {"type": "ping"}, Point(0, 4), Point(2, 2), Point(1, 2), 42, 2.5, "other", {"type": 3}]:
    print(describe(m))
# expect: small 0
# expect: small 1
# expect: minus five
# expect: nothing
# expect: small True
# expect: bye
# expect: stop
# expect: one item 7
# expect: long list from 1 (3 more)
# expect: pair-ish 1,2
# expect: pair-ish 1,2
# expect: move home
# expect: move to 2,3 {'speed': 5}
# expect: message ping
# expect: on the y axis at 4
# expect: diagonal 2
# expect: some point
# expect: number 42
# expect: number 2.5
# expect: unknown
# expect: unknown

match = {"match": 1}  # a soft keyword: still a name
print(match["match"])  # expect: 1
for command in ["go north", "look", "drop all now"]:
    match command.split():
        case ["go", direction]:
            print("going", direction)
        case [single]:
            print("just", single)
        case other:
            print("can't", other)
# expect: going north
# expect: just look
# expect: can't ['drop', 'all', 'now']
class Plain:
    pass
match Plain():
    case Plain(1):  # expect error: TypeError: Plain() accepts 0 positional sub-patterns (1 given)
        pass
