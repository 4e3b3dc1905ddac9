# Method calls with keyword arguments (LoadMethod + CallMethodKw, no bound
# method): user methods, natives, callables in the instance dict, class and
# static methods, super(), a __getattr__ hook, modules, and the errors a bad
# keyword gives. Expectations from CPython 3.11.
import asyncio
import math


class Base:
    def greet(self, name, punct="!"):
        return f"hello {name}{punct}"

    @classmethod
    def make(cls, *, size=1):
        return f"{cls.__name__}({size})"

    @staticmethod
    def add(a, b=10):
        return a + b


class Child(Base):
    def greet(self, name, punct="?"):
        return "child " + super().greet(name, punct=punct)


class Hooked:
    def __getattr__(self, name):
        return lambda **kw: f"{name}{sorted(kw.items())}"


b = Base()
c = Child()
print(b.greet("ann", punct="."))  # expect: hello ann.
print(b.greet(name="bob"))  # expect: hello bob!
print(c.greet("cy", punct=";"))  # expect: child hello cy;
print(Base.make(size=3), c.make(size=4), b.add(1, b=2), Base.add(a=5))  # expect: Base(3) Child(4) 3 15
b.fn = lambda x, y=0: x * 10 + y
print(b.fn(1, y=2))  # expect: 12
print(Hooked().anything(k=1, a=2))  # expect: anything[('a', 2), ('k', 1)]
print("a,b,,c".split(sep=",", maxsplit=2))  # expect: ['a', 'b', ',c']
items = [3, 1, 2]
items.sort(key=lambda v: -v, reverse=True)
print(items)  # expect: [1, 2, 3]
print(dict(a=1).get("a", 0), "{x}-{y}".format(x=1, y=2))  # expect: 1 1-2
print(math.isclose(1.0, 1.0000001, rel_tol=1e-3))  # expect: True
for bad in (lambda: b.greet("x", nope=1), lambda: b.greet("x", name="y"), lambda: b.greet(self=1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
# expect: TypeError: Base.greet() got an unexpected keyword argument 'nope'
# expect: TypeError: Base.greet() got multiple values for argument 'name'
# expect: TypeError: Base.greet() got multiple values for argument 'self'


async def main():
    t = asyncio.get_running_loop().create_task(asyncio.sleep(0, result=7), name="sleeper")
    print(await asyncio.wait_for(t, timeout=1), t.get_name())  # expect: 7 sleeper


asyncio.run(main())
