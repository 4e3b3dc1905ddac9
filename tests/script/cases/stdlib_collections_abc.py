# collections.abc: isinstance/issubclass against the ABCs for built-in and user
# types, the mixin methods of MutableMapping, abstract methods left out.
from collections.abc import Iterable, Mapping, Sequence, MutableMapping, Callable, Hashable, Iterator, Awaitable, AsyncIterator, Sized, Coroutine, Generator, Set, MutableSequence
import collections.abc
from collections import deque, OrderedDict
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("x", Iterable), isinstance(3, Iterable))
print(isinstance(len, Callable), isinstance(3, Callable), isinstance([], Hashable), isinstance((1,), Hashable))
print(isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(deque(), MutableSequence), isinstance(OrderedDict(), MutableMapping))
print(issubclass(list, Sequence), issubclass(dict, Iterable), issubclass(int, Sized), isinstance(set(), Set))
def g(): yield 1
async def c(): pass
co = c()
print(isinstance(g(), Generator), isinstance(co, Coroutine), isinstance(co, Awaitable))
co.close()
class Bag(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
b = Bag(); b["x"] = 1; b.update(y=2); b.setdefault("z", 3)
print(len(b), "x" in b, b.get("q", 0), sorted(b.keys()), b.pop("x"), isinstance(b, Mapping), dict(b))
class Ticker:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
print(isinstance(Ticker(), AsyncIterator), isinstance(Ticker(), Iterable), collections.abc.Sized)
class Half(Sequence):
    def __len__(self): return 1
try:
    Half()
except TypeError as e: print(e)
# expect: True True True False
# expect: True False False True
# expect: True False True True
# expect: True True False True
# expect: True True True
# expect: 3 True 0 ['x', 'y', 'z'] 1 True {'y': 2, 'z': 3}
# expect: True False <class 'collections.abc.Sized'>
# expect: Can't instantiate abstract class Half with abstract method __getitem__
