# abc, copy, pprint, traceback, types, queue, urllib.parse, gc and
# weakref.proxy/WeakMethod, with values printed by python3.
import abc
import copy
import gc
import pprint
import queue
import traceback
import types
import weakref
from urllib.parse import urlparse, urljoin, urlencode, parse_qs, quote, unquote_plus


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @abc.abstractmethod
    def name(self): ...


class Half(Shape):
    def area(self):
        return 1


class Full(Half):
    def name(self):
        return "full"


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().area(), Full().name(), sorted(Shape.__abstractmethods__), len(Full.__abstractmethods__))
print(isinstance(Full(), Shape), type(Shape).__name__)

data = {"a": [1, {"b": 2}], "t": (1, [2])}
shallow, deep = copy.copy(data), copy.deepcopy(data)
data["a"][1]["b"] = 99
print(shallow["a"][1]["b"], deep["a"][1]["b"], deep["t"] is data["t"])


class Node:
    def __init__(self, v):
        self.v = v
        self.kids = []


n = Node(1)
n.kids.append(Node(2))
m = copy.deepcopy(n)
m.kids[0].v = 5
print(n.kids[0].v, m.kids[0].v, type(m).__name__, copy.copy(n).kids is n.kids)

pprint.pprint({"users": [{"name": "ann", "roles": ["admin", "dev"], "id": i} for i in range(3)], "b": 1})
pprint.pprint(list(range(30)), width=40, compact=True)
print(pprint.pformat({"z": 1, "a": 2}), pprint.pformat("x" * 5))

try:
    {}["missing"]
except KeyError:
    text = traceback.format_exc()
    print(text.splitlines()[0], "|", text.splitlines()[-1])
print(traceback.format_exception_only(ValueError("bad")))
print("".join(traceback.format_exception(RuntimeError("never raised"))), end="")

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), isinstance(len, types.BuiltinFunctionType))
print(isinstance(lambda: 0, types.FunctionType), types.NoneType)

q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
print(q.full(), q.qsize(), q.get(), q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
pq = queue.PriorityQueue()
for item in [(2, "b"), (1, "a")]:
    pq.put(item)
print(pq.get(), queue.LifoQueue.__mro__[1].__name__)

u = urlparse("https://user:pw@example.com:8443/p/a;x?q=1&q=2#frag")
print(u)
print(u.hostname, u.port, u.username, u.password, parse_qs(u.query))
print(urljoin("http://a.test/b/c/d", "../e"), urlencode({"q": "a b", "n": 2}), quote("a b/é"), unquote_plus("a+b%21"))

print(gc.collect(), gc.isenabled())


class Target:
    def __init__(self, n):
        self.n = n

    def hello(self):
        return f"hello {self.n}"


t = Target(3)
p = weakref.proxy(t)
p.n = 4
wm = weakref.WeakMethod(t.hello)
print(p.n, p.hello(), t.n, wm()())
del t
print(wm())
try:
    p.n
except ReferenceError as e:
    print("ReferenceError", e)
# expect: Can't instantiate abstract class Shape with abstract methods area, name
# expect: Can't instantiate abstract class Half with abstract method name
# expect: 1 full ['area', 'name'] 0
# expect: True ABCMeta
# expect: 99 2 False
# expect: 2 5 Node True
# expect: {'b': 1,
# expect:  'users': [{'id': 0, 'name': 'ann', 'roles': ['admin', 'dev']},
# expect:            {'id': 1, 'name': 'ann', 'roles': ['admin', 'dev']},
# expect:            {'id': 2, 'name': 'ann', 'roles': ['admin', 'dev']}]}
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
# expect:  12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
# expect:  22, 23, 24, 25, 26, 27, 28, 29]
# expect: {'a': 2, 'z': 1} 'xxxxx'
# expect: Traceback (most recent call last): | KeyError: 'missing'
# expect: ['ValueError: bad\n']
# expect: RuntimeError: never raised
# expect: namespace(a=1, b='x', c=[1]) True True
# expect: True <class 'NoneType'>
# expect: True 2 1 2 True
# expect: Empty
# expect: (1, 'a') Queue
# expect: ParseResult(scheme='https', netloc='user:pw@example.com:8443', path='/p/a', params='x', query='q=1&q=2', fragment='frag')
# expect: example.com 8443 user pw {'q': ['1', '2']}
# expect: http://a.test/b/e q=a+b&n=2 a%20b/%C3%A9 a b!
# expect: 0 True
# expect: 4 hello 4 4 hello 4
# expect: None
# expect: ReferenceError weakly-referenced object no longer exists
