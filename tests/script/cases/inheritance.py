# Multiple inheritance: C3 order, super() along the MRO, __mro__, type(),
# __init_subclass__, qualified names of nested classes.
class Base:
    def hello(self):
        return ["Base"]
class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()
class Both(Left, Right):
    def hello(self):
        return ["Both"] + super().hello()

print(Both().hello())  # expect: ['Both', 'Left', 'Right', 'Base']
print([c.__name__ for c in Both.__mro__])  # expect: ['Both', 'Left', 'Right', 'Base', 'object']
print(Both.__bases__, isinstance(Both(), Right), issubclass(Both, (int, Base)))  # expect: (<class '__main__.Left'>, <class '__main__.Right'>) True True

class Mixin:
    greeting = "hi"
    def greet(self):
        return self.greeting + " " + self.name
class Person:
    def __init__(self, name):
        self.name = name
class Friendly(Mixin, Person):
    pass
print(Friendly("ann").greet(), Friendly.greeting)  # expect: hi ann hi

class Plugin:
    registry = []
    def __init_subclass__(cls):
        Plugin.registry.append(cls.__name__)
class A(Plugin): pass
class B(A): pass
print(Plugin.registry)  # expect: ['A', 'B']

Point = type("Point", (), {"x": 1, "show": lambda self: f"x={self.x}"})
print(Point().show(), Point.__name__, type(Point))  # expect: x=1 Point <class 'type'>

class Outer:
    class Inner:
        pass
print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)  # expect: <class '__main__.Outer.Inner'> Outer.Inner Inner

class E1(ValueError): pass
class E2(E1, KeyError): pass
try:
    raise E2("both")
except KeyError as e:
    print("caught", type(e).__name__, [c.__name__ for c in E2.__mro__][:3])  # expect: caught E2 ['E2', 'E1', 'ValueError']

try:
    class Bad(Base, Left): pass
except TypeError as e:
    print(str(e).replace("\n", " "))  # expect: Cannot create a consistent method resolution order (MRO) for bases Base, Left
class Dup(Base, Base): pass  # expect error: TypeError: duplicate base class Base
