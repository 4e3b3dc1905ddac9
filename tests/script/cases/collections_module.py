# collections: deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap.
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
import json

d = deque([1, 2, 3], maxlen=3)
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d), d.maxlen)  # expect: deque([0, 2, 3], maxlen=3) 3 0 3 [0, 2, 3] 3
d2 = deque()
d2.extend("abc")
d2.extendleft([1, 2])
d2.rotate(2)
print(d2, d2.count("a"), d2.index("a"), "b" in d2, d2.popleft(), d2.pop(), d2)  # expect: deque(['c', 2, 1]) 1 4 True b a deque(['c', 2, 1])
d2.rotate(-1)
d2.remove("c")
print(d2, bool(deque()), deque([1]) == deque([1]), isinstance(d2, deque))  # expect: deque([2, 1]) False True True
for label, action in [("pop", lambda: deque().pop()), ("popleft", lambda: deque().popleft()),
                      ("index", lambda: deque([1])[5]), ("remove", lambda: deque([1]).remove(7)),
                      ("find", lambda: deque([1]).index(7))]:
    try:
        action()
    except (IndexError, ValueError) as e:
        print(label, type(e).__name__, e)
        # expect: pop IndexError pop from an empty deque
        # expect: popleft IndexError pop from an empty deque
        # expect: index IndexError deque index out of range
        # expect: remove ValueError 7 is not in deque
        # expect: find ValueError 7 is not in deque

dd = defaultdict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, isinstance(dd, dict), dd["a"], len(dd), json.dumps(dd), "zz" in dd)  # expect: defaultdict(<class 'list'>, {'a': [1, 3], 'b': [2]}) True [1, 3] 2 {"a": [1, 3], "b": [2]} False
counts = defaultdict(int)
for w in "a b a c a b".split():
    counts[w] += 1
print(counts, dict(counts), sorted(counts.items()))  # expect: defaultdict(<class 'int'>, {'a': 3, 'b': 2, 'c': 1}) {'a': 3, 'b': 2, 'c': 1} [('a', 3), ('b', 2), ('c', 1)]
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'k'

od = OrderedDict()
od["x"] = 1
od["y"] = 2
od["z"] = 3
od.move_to_end("x")
print(od, list(od))  # expect: OrderedDict([('y', 2), ('z', 3), ('x', 1)]) ['y', 'z', 'x']
od.move_to_end("z", last=False)
print(od, od.popitem(), od.popitem(last=False), od, OrderedDict(), isinstance(od, dict))  # expect: OrderedDict([('y', 2)]) ('x', 1) ('z', 3) OrderedDict([('y', 2)]) OrderedDict() True

c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["missing"], c.total())  # expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 5 0 11
c.update(["z", "z"])
c.subtract({"a": 4})
print(c, sorted(c.elements()))  # expect: Counter({'b': 2, 'r': 2, 'z': 2, 'a': 1, 'c': 1, 'd': 1}) ['a', 'b', 'b', 'c', 'd', 'r', 'r', 'z', 'z']
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))  # expect: Counter({'a': 4, 'b': 3}) Counter({'a': 2})
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), Counter())  # expect: Counter({'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1}) Counter()
print(sum([Counter("ab"), Counter("bc")], Counter()), isinstance(c, dict), json.dumps(Counter("aab")))  # expect: Counter({'b': 2, 'a': 1, 'c': 1}) True {"a": 2, "b": 1}

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
x, y = p
print(p, p.x, p.y, x + y, p[0], len(p), p == (1, 2), isinstance(p, tuple), Point._fields)  # expect: Point(x=1, y=2) 1 2 3 1 2 True True ('x', 'y')
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), type(p).__name__, Point)  # expect: {'x': 1, 'y': 2} Point(x=10, y=2) Point(x=5, y=6) Point <class '__main__.Point'>
Job = namedtuple("Job", ["name", "prio", "tries"], defaults=[0])
print(Job("a", 1), Job("b", 2, 3), sorted([Job("b", 2), Job("a", 2)]), Job._field_defaults)  # expect: Job(name='a', prio=1, tries=0) Job(name='b', prio=2, tries=3) [Job(name='a', prio=2, tries=0), Job(name='b', prio=2, tries=0)] {'tries': 0}
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {"z": 1}), ((1,), {"x": 2})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
        # expect: TypeError: Point.__new__() missing 1 required positional argument: 'y'
        # expect: TypeError: Point.__new__() takes 3 positional arguments but 4 were given
        # expect: TypeError: Point.__new__() got an unexpected keyword argument 'z'
        # expect: TypeError: Point.__new__() got multiple values for argument 'x'

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), "b" in cm, cm.get("q", 0), list(cm), cm)  # expect: 1 3 2 True 0 ['a', 'b'] ChainMap({'a': 1}, {'a': 2, 'b': 3})
child = cm.new_child({"c": 4})
child["a"] = 9
print(child, child.parents)  # expect: ChainMap({'c': 4, 'a': 9}, {'a': 1}, {'a': 2, 'b': 3}) ChainMap({'a': 1}, {'a': 2, 'b': 3})

P = namedtuple("P", "x y")
p = P(1, 2)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)  # expect: AttributeError: can't set attribute
print(P(*range(2)), p + (3,), p * 2, p.count(1), p.index(2), hash(p) == hash((1, 2)), max(P(3, 9)))  # expect: P(x=0, y=1) (1, 2, 3) (1, 2, 1, 2) 1 1 True 9
d = deque(range(5), 3)
print(d, reversed(d) is not None, list(reversed(d)), d.copy(), deque("ab") + deque("c"))  # expect: deque([2, 3, 4], maxlen=3) True [4, 3, 2] deque([2, 3, 4], maxlen=3) deque(['a', 'b', 'c'])
