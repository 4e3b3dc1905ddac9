# operator functions, itemgetter/attrgetter/methodcaller, functools.reduce/partial, string.
import operator
import functools
import string
from operator import itemgetter, attrgetter

def show(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

print(operator.add(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.neg(4), operator.not_(0), operator.truth([1]), operator.lt(1, 2), operator.ge(1, 2), operator.eq("a", "a"))
print(operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.pow(2, 10), operator.index(7))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d)
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter(-1)("abcd"))
class Job:
    def __init__(self, name, prio):
        self.name = name
        self.prio = prio
        self.inner = self
jobs = [Job("x", 3), Job("y", 1)]
print([j.name for j in sorted(jobs, key=attrgetter("prio"))], attrgetter("name", "prio")(jobs[0]), attrgetter("inner.name")(jobs[1]))
print(operator.methodcaller("split", ",")("a,b"), operator.methodcaller("replace", "a", "o")("banana"))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10), functools.reduce(max, [], 0))
def power(base, exp, mod=None):
    return base ** exp if mod is None else base ** exp % mod
square = functools.partial(power, exp=2)
print(square(5), square(5, mod=3), functools.partial(power, 2)(8), functools.partial(power, 2, 3, 5)())
show(functools.reduce, operator.add, [])
show(functools.reduce, operator.add)
show(functools.partial)
show(functools.partial, 1)
show(operator.add, 1)
show(operator.itemgetter)
show(operator.attrgetter, 1)
show(operator.add, 1, "a")
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords(" hello   big world "), string.capwords("a-b-c", "-"))
# expect: 5 abab 3.5 3 1
# expect: -4 True True True False True
# expect: True b True True
# expect: 2 7 5 16 1024 7
# expect: {'b': 2}
# expect: [('c', 1), ('b', 2), ('a', 3)] ('b', 2) d
# expect: ['y', 'x'] ('x', 3) y
# expect: ['a', 'b'] bonono
# expect: 10 60 0
# expect: 25 1 256 3
# expect: TypeError reduce() of empty iterable with no initial value
# expect: TypeError reduce expected at least 2 arguments, got 1
# expect: TypeError type 'partial' takes at least one argument
# expect: TypeError the first argument must be callable
# expect: TypeError add expected 2 arguments, got 1
# expect: TypeError itemgetter expected 1 argument, got 0
# expect: TypeError attribute name must be a string
# expect: TypeError unsupported operand type(s) for +: 'int' and 'str'
# expect: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF 01234567
# expect: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' ' \t\n\r\x0b\x0c' 100
# expect: Hello Big World A-B-C
