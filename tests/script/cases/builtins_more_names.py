# str.maketrans/translate, the slice type, dir() and globals(), json's
# JSONEncoder (dumps(cls=)) and JSONDecodeError attributes, signal's
# numbers and handlers, collections.abc imported through its package.
import collections.abc
import json
import signal

t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcd-abcd".translate(t), "héllo".translate({ord("é"): "e", ord("l"): None}))
print("hello".translate(str.maketrans({"h": "J", "o": 48})), "x".maketrans("a", "b"))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None, -1).indices(4), slice(5).stop, isinstance(s, slice))
print(list(range(10))[s], "abcdef"[slice(None, None, -2)])


class Point:
    kind = "2d"

    def __init__(self):
        self.x = 1

    def norm(self):
        return 0


print([n for n in dir(Point()) if not n.startswith("__")], "__init__" in dir(Point), "kind" in globals()["Point"].__dict__)
print(sorted(k for k in globals() if not k.startswith("__"))[:4])


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"tags": {"b", "a"}}, cls=SetEncoder), json.dumps([{1, 2}], cls=SetEncoder, indent=1))
try:
    json.dumps(object(), cls=SetEncoder)
except TypeError as e:
    print(e)
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno)
print(signal.SIGINT == 2, signal.SIGTERM.name, signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
old = signal.signal(signal.SIGTERM, lambda n, f: None)
print(old is signal.SIG_DFL, callable(signal.getsignal(signal.SIGTERM)), signal.strsignal(signal.SIGINT))
print(isinstance({}, collections.abc.Mapping), issubclass(list, collections.abc.MutableSequence))
# expect: [(97, 120), (98, 121), (99, 122), (100, None)] xyz-xyz heo
# expect: Jell0 {97: 98}
# expect: the first two maketrans arguments must have equal length
# expect: slice(1, 10, 2) 1 10 2 (1, 5, 2) (0, 3, 1) 5 True
# expect: [1, 3, 5, 7, 9] fdb
# expect: ['kind', 'norm', 'x'] True True
# expect: ['Point', 'collections', 'json', 's']
# expect: {"tags": ["a", "b"]} [
# expect:  [
# expect:   1,
# expect:   2
# expect:  ]
# expect: ]
# expect: Object of type object is not JSON serializable
# expect: Expecting property name enclosed in double quotes 8 1 9
# expect: True SIGTERM True
# expect: True True Interrupt
# expect: True True
