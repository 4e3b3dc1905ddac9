# Subclassing dict, list, tuple and set: the instance is the container.
import json

class Registry(dict):
    def __init__(self, name, *args, **kw):
        super().__init__(*args, **kw)
        self.name = name
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
    def __contains__(self, key):
        return dict.__contains__(self, key.lower())

r = Registry("reg", {"a": 1})
r["Hello"] = 2
print(r, r.name, len(r), "HELLO" in r, r["HELLO"])  # expect: {'a': 1, 'hello': 2} reg 2 True 2
print(isinstance(r, dict), type(r) is dict, type(r).__name__, json.dumps(r))  # expect: True False Registry {"a": 1, "hello": 2}
print(sorted(r.items()), list(r), r.get("hello"), r == {"a": 1, "hello": 2})  # expect: [('a', 1), ('hello', 2)] ['a', 'hello'] 2 True

class Counts(dict):
    def __missing__(self, key):
        return 0
c = Counts()
c["x"] += 1
c["x"] += 1
print(c, c["nope"], "nope" in c)  # expect: {'x': 2} 0 False

class Plain(dict):
    pass
p = Plain(a=1, b=2)
p.extra = "yes"
print(p, p.extra, repr(p), p.copy(), type(p.copy()).__name__, bool(Plain()))  # expect: {'a': 1, 'b': 2} yes {'a': 1, 'b': 2} {'a': 1, 'b': 2} dict False

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s[0:2], sum(s), isinstance(s, list), [x * 2 for x in s])  # expect: [1, 2, 3] 3 3 [1, 2] 6 True [2, 4, 6]
s.sort(reverse=True)
print(s, s + [9], json.dumps(s), s == [3, 2, 1])  # expect: [3, 2, 1] [3, 2, 1, 9] [3, 2, 1] True

class Loud(list):
    def __repr__(self):
        return "Loud(" + super().__repr__() + ")"
    def __len__(self):
        return 99
    def __iter__(self):
        return iter(["overridden"])
l = Loud([1])
print(l, len(l), list(l), str(l), f"{l}")  # expect: Loud([1]) 99 ['overridden'] Loud([1]) Loud([1])

class Pair(tuple):
    def first(self):
        return self[0]
t = Pair((4, 5))
a, b = t
print(t, t.first(), a, b, len(t), isinstance(t, tuple), t == (4, 5), hash(t) == hash((4, 5)))  # expect: (4, 5) 4 4 5 2 True True True

class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
g = Tags()
g.add_all(1, 2, 2)
print(sorted(g), len(g), 1 in g, isinstance(g, set))  # expect: [1, 2] 2 True True

class Weird(dict):
    def __repr__(self):
        return "Weird!"
print(Weird(), [Weird()], {"k": Weird()})  # expect: Weird! [Weird!] {'k': Weird!}

try:
    class Bad(dict, list):
        pass
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: multiple bases have instance lay-out conflict
try:
    Plain().missing_attr
except AttributeError as e:
    print("AttributeError:", e)  # expect: AttributeError: 'Plain' object has no attribute 'missing_attr'
try:
    Counts.__getitem__(Counts(), "k")
    dict.__setitem__([], 1, 2)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: descriptor '__setitem__' requires a 'dict' object but received a 'list'

from collections import OrderedDict, Counter
class Loud(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), Loud.fromkeys("xy", 5), type(Loud.fromkeys("x", 1)).__name__)  # expect: {'a': None, 'b': None} {1: 0, 2: 0} {'x': 10, 'y': 10} Loud
print(OrderedDict.fromkeys("ba"), list(map(str.upper, ["a", "b"])), sorted(["b", "A"], key=str.lower))  # expect: OrderedDict([('b', None), ('a', None)]) ['A', 'B'] ['A', 'b']
