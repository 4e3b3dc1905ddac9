# Closures, nonlocal, global, defaults, *args/**kwargs, keyword-only.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)  # expect: 2

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])  # expect: [10, 11, 12]

def outer():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
inc = outer()
inc(); inc(5)
print(inc())  # expect: 7

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))  # expect: (1, 2, (), 3, 4, {})
print(f(1, 9, 8, 7, c=3, e=5))  # expect: (1, 9, (8, 7), 3, 4, {'e': 5})
args = [1, 2]
kwargs = {"c": 0}
print(f(*args, **kwargs))  # expect: (1, 2, (), 0, 4, {})

def g(x):
    if x:
        y = 1
    return y
try:
    g(False)
except UnboundLocalError as e:
    print(e)  # expect: cannot access local variable 'y' where it is not associated with a value
f(1)  # expect error: TypeError: f() missing 1 required keyword-only argument: 'c'
