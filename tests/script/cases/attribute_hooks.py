# __getattr__ / __setattr__ hooks, vars(), unbound methods of built-in types,
# annotations accepted and ignored.
class Config:
    def __init__(self, **values):
        self.values = values
    def __getattr__(self, name):
        if name in self.values:
            return self.values[name]
        raise AttributeError(f"no setting {name!r}")

c = Config(debug=True, level=3)
print(c.debug, c.level, hasattr(c, "missing"), getattr(c, "missing", "default"))  # expect: True 3 False default

class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)

r = Recorder()
r.x = 1
r.y = 2
object.__setattr__(r, "z", 3)
print(r.log, r.x + r.y + r.z, vars(r) == {"log": ["x", "y"], "x": 1, "y": 2, "z": 3})  # expect: ['x', 'y'] 6 True

class Slotted:
    __slots__ = ("a",)
    count: int = 0
    names: list[str] | None = None
    def __init__(self, a: dict[str, list[int]]) -> None:
        self.a = a
print(Slotted({"k": [1]}).a, Slotted.count, Slotted.names)  # expect: {'k': [1]} 0 None

words = ["  Apple ", "banana", " cherry"]
print(list(map(str.strip, words)), sorted(["b", "C", "a"], key=str.lower))  # expect: ['Apple', 'banana', 'cherry'] ['a', 'b', 'C']
lst = []
list.append(lst, 5)
print(lst, str.join("-", ["a", "b"]), dict.get({"k": 1}, "k"), str.upper("x"))  # expect: [5] a-b 1 X
print(type({}) is dict, type([]) is list, isinstance(True, int))  # expect: True True True
str.upper(3)  # expect error: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
