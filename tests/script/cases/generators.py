# Generators: yield, send/throw/close, return values, yield from, lazy generator expressions.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)
print(next(g, "dflt"))
print(repr(count(1)).startswith("<generator object count at 0x"))
print(iter(g) is g, count.__name__, count(1).__name__, count(1).__qualname__)

def echo():
    got = []
    x = yield "ready"
    while x is not None:
        got.append(x)
        x = yield x * 2
    return got

e = echo()
print(e.send(None), e.send(3), e.send(5))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
try:
    echo().send(1)
except TypeError as t:
    print("TypeError:", t)

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as v:
        print("caught", v)
        yield "recovered"
    finally:
        print("finally runs")

g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed", list(g))
g = guarded()
print(next(g))
try:
    g.throw(KeyError, "k")
except KeyError as k:
    print("propagated", repr(k))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as r:
    print("RuntimeError:", r)

def leaky():
    yield 1
    raise StopIteration("inner")

try:
    list(leaky())
except RuntimeError as r:
    print("RuntimeError:", r, "| cause:", repr(r.__cause__))

def selfish():
    yield g2.gi_running
    next(g2)

g2 = selfish()
print("gi_running inside:", next(g2), "outside:", g2.gi_running)
try:
    next(g2)
except ValueError as v:
    print("ValueError:", v)

def inner():
    x = yield "a"
    print("inner got", x)
    try:
        yield "b"
    finally:
        print("inner closed")
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)

o = outer()
print(next(o), o.send("hello"), next(o), next(o), next(o), next(o))
print(list(outer()))
o = outer()
next(o)
next(o)
o.close()
print("after close")

def dropped():
    try:
        yield 1
        yield 2
    finally:
        print("dropped generator cleaned up")

d = dropped()
next(d)
d = None
print("after drop")
for v in dropped():
    break
print("after break")

calls = []
def check(x):
    calls.append(x)
    return x > 2

print(any(check(x) for x in range(10)), calls)
calls.clear()
print(all(check(x) for x in [5, 6, 1, 7, 8]), calls)
print(next(d for d in range(2, 10**9) if 221 % d == 0))
print(sum(x * x for x in range(5)), max(len(w) for w in ["a", "abc", "ab"]))
ge = (x * 10 for x in range(3))
print(repr(ge).startswith("<generator object <genexpr> at 0x"), list(ge), list(ge))
print(sorted((y for y in "cab")), dict((k, len(k)) for k in ["aa", "b"]))
nested = ((a, b) for a in range(2) for b in "xy" if a or b == "y")
print(list(nested))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
gen_lambda = lambda: (yield 7)
print(list(gen_lambda()))

# The output, in order:
# expect: [0, 1, 2, 3]
# expect: 0 1
# expect: stop 'done' ('done',)
# expect: dflt
# expect: True
# expect: True count count count
# expect: ready 6 10
# expect: returned [3, 5]
# expect: TypeError: can't send non-None value to a just-started generator
# expect: 1
# expect: caught boom
# expect: recovered
# expect: finally runs
# expect: closed []
# expect: 1
# expect: finally runs
# expect: propagated KeyError('k')
# expect: RuntimeError: generator ignored GeneratorExit
# expect: RuntimeError: generator raised StopIteration | cause: StopIteration('inner')
# expect: gi_running inside: True outside: False
# expect: ValueError: generator already executing
# expect: inner got hello
# expect: inner closed
# expect: outer got inner-result
# expect: a b 10 20 0 1
# expect: inner got None
# expect: inner closed
# expect: outer got inner-result
# expect: ['a', 'b', 10, 20, 0, 1]
# expect: inner got None
# expect: inner closed
# expect: after close
# expect: dropped generator cleaned up
# expect: after drop
# expect: dropped generator cleaned up
# expect: after break
# expect: True [0, 1, 2, 3]
# expect: False [5, 6, 1]
# expect: 13
# expect: 30 3
# expect: True [0, 10, 20] []
# expect: ['a', 'b', 'c'] {'aa': 2, 'b': 1}
# expect: [(0, 'y'), (1, 'x'), (1, 'y')]
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: [7]
