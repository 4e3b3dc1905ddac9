# Decorators: functions, methods, classes, stacked, parametrised; property,
# classmethod, staticmethod; function attributes as functools.wraps uses them.
calls = []

def trace(f):
    def wrapper(*args, **kwargs):
        calls.append(f.__name__)
        return f(*args, **kwargs)
    wrapper.__name__ = f.__name__
    wrapper.__qualname__ = f.__qualname__
    wrapper.__doc__ = f.__doc__
    wrapper.__wrapped__ = f
    return wrapper

def times(n):
    def deco(f):
        def run(*a):
            return [f(*a) for _ in range(n)]
        return run
    return deco

@trace
def add(a, b):
    "Adds."
    return a + b

print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__(3, 4), calls)  # expect: 3 add Adds. 7 ['add']

@times(2)
@trace
def hello(x):
    return x * 2

print(hello(5), calls)  # expect: [10, 10] ['add', 'hello', 'hello']

def f():
    "doc of f"
f.tag = "t"
print(f.__dict__, f.tag, f.__doc__, f.__module__, f.__qualname__)  # expect: {'tag': 't'} t doc of f __main__ f

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls

@register
class Plugin:
    pass
print(registry)  # expect: {'Plugin': <class '__main__.Plugin'>}

class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "In degrees."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.freezing().celsius, Temperature.convert(10), t.convert(0))  # expect: 100 212.0 0 50.0 32.0
t.celsius = 5
print(t.celsius, Temperature.celsius.__doc__, type(Temperature.celsius).__name__)  # expect: 5 In degrees. property
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)  # expect: error: too cold
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(e)  # expect: property 'fahrenheit' of 'Temperature' object has no setter
del t.celsius  # expect: deleting
print(hasattr(t, "_c"))  # expect: False

class Base:
    @classmethod
    def make(cls):
        return cls.__name__
class Child(Base):
    @classmethod
    def make(cls):
        return "child of " + super().make()
print(Base.make(), Child.make(), Child().make())  # expect: Base child of Child child of Child

class Counted:
    instances = 0
    def __init__(self):
        Counted.instances += 1
    @property
    def double(self):
        return Counted.instances * 2
print(Counted().double, Counted().double)  # expect: 2 4

class Shouter(Base):
    @trace
    def make(self):
        return super().make().upper()
print(Shouter().make(), calls[-1])  # expect: SHOUTER make

class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name
class Holder:
    field = Named()
print(Holder.field.name)  # expect: Holder.field
for bad in [lambda: property(1, 2, 3, 4, 5), lambda: classmethod(), lambda: staticmethod(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
# expect: property() takes at most 4 arguments (5 given)
# expect: classmethod expected 1 argument, got 0
# expect: staticmethod expected 1 argument, got 2
class S:
    @staticmethod
    def m():
        return super().x
try:
    S.m()
except RuntimeError as e:
    print(e)  # expect: super(): no arguments
t.fahrenheit  # expect error: AttributeError: 'Temperature' object has no attribute '_c'
