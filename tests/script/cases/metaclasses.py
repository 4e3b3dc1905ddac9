# Metaclasses and class keywords.
made = []

class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        cls.tag = kw.get("tag", "none")
        return cls
    def __call__(cls, *args):
        made.append((cls.__name__, args))
        return super().__call__(*args)
    def __len__(cls):
        return len(cls.__name__)
    def __iter__(cls):
        return iter(cls.fields)
    def __getitem__(cls, key):
        return cls.fields.index(key)
    def __contains__(cls, item):
        return item in cls.fields
    def describe(cls):
        return f"class {cls.__name__}"

class Base(metaclass=Registry):
    fields = ["a", "b"]
    def __init__(self, x):
        self.x = x

class Child(Base, tag="kid"):
    pass

c = Child(5)
print(Registry.classes, Base.tag, Child.tag, c.x, type(Child) is Registry, type(c) is Child)  # expect: ['Base', 'Child'] none kid 5 True True
print(len(Child), list(Child), Child["b"], "a" in Child, "z" in Child, Child.describe())  # expect: 5 ['a', 'b'] 1 True False class Child
print(isinstance(Child, Registry), isinstance(c, Base), type(Base).__name__)  # expect: True True Registry

class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls

class CsvPlugin(Plugin, name="csv"):
    pass
class JsonPlugin(Plugin):
    pass
print(sorted(Plugin.registry))  # expect: ['JsonPlugin', 'csv']

Dyn = type("Dyn", (Base,), {"fields": ["q"], "hello": lambda self: "hi " + str(self.x)})
d = Dyn(1)
print(type(Dyn).__name__, d.hello(), list(Dyn), Registry.classes)  # expect: Registry hi 1 ['q'] ['Base', 'Child', 'Dyn']

class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)  # expect: prepare Rec {'flag': True}
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, sorted(kw))  # expect: init Rec ['flag']

class Rec(metaclass=Ordered, flag=True):
    zeta = 1
    alpha = 2
    def mid(self):
        pass
print(Rec.order)  # expect: ['zeta', 'alpha', 'mid']

class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1 = Single(1)
s2 = Single(2)
print(s1 is s2, s1.v)  # expect: True 2

try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: Bad.__init_subclass__() takes no keyword arguments
print(made)  # expect: [('Child', (5,)), ('Dyn', (1,))]
