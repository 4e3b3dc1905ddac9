# Subclasses of str: __new__, attributes, the base's methods (plain str
# results), operators, hashing as the plain value, overrides honoured.
class Name(str):
    def __new__(cls, value, lang="en"):
        obj = super().__new__(cls, value.strip())
        obj.lang = lang
        return obj

    def shout(self):
        return self.upper() + "!"

n = Name("  alice ", lang="fr")
print(n, repr(n), len(n), n.lang, n.shout(), type(n).__name__)  # expect: alice 'alice' 5 fr ALICE! Name
print(n.upper(), type(n.upper()).__name__, type(n + "x").__name__, type(n[1:]).__name__, type(str(n)).__name__)  # expect: ALICE str str str str
print(isinstance(n, str), isinstance(n, Name), type(n) is Name, Name.__mro__)  # expect: True True True (<class '__main__.Name'>, <class 'str'>, <class 'object'>)
print(n == "alice", "alice" == n, hash(n) == hash("alice"), {"alice": 1}[n], {n: 2}["alice"], n in {"alice"})  # expect: True True True 1 2 True
print(n < "bob", sorted([Name("b"), "a", Name("c")]), "-".join([n, Name("bob")]), f"<{n}>", "%s/%r" % (n, n))  # expect: True ['a', 'b', 'c'] alice-bob <alice> alice/'alice'
print(n * 2, "li" in n, n.split("i"), n.startswith("al"), n.replace("a", "A"), n.title(), format(n, ">8"))  # expect: alicealice True ['al', 'ce'] True Alice Alice    alice

class Tag(str):
    def __str__(self):
        return "#" + self.upper()

    def __repr__(self):
        return f"Tag({str.__repr__(self)})"

    def __add__(self, other):
        return Tag(str.__add__(self, "+" + other))

t = Tag("py")
print(t, str(t), repr(t), [t], f"{t}", format(t), "%s" % t, t + "c", type(t + "c").__name__, t.upper())  # expect: #PY #PY Tag('py') [Tag('py')] #PY #PY #PY #PY+C Tag PY
print(str.__new__(Tag, "x"), type(str.__new__(Tag, "x")).__name__, Tag(), repr(Tag(5)))  # expect: #X Tag # Tag('5')

class Plain(str):
    pass
p = Plain("hey")
p.extra = 1
print(p, repr(p), p.extra, vars(p), p.capitalize(), len(p), p == "hey", bool(Plain("")), Plain(3.5))  # expect: hey 'hey' 1 {'extra': 1} Hey 3 True False 3.5
try:
    p.nothere
except AttributeError as e:
    print(e)  # expect: 'Plain' object has no attribute 'nothere'
try:
    class Bad(str, int):
        pass
except TypeError as e:
    print(e)  # expect: multiple bases have instance lay-out conflict
try:
    Name(5)
except AttributeError as e:
    print(e)  # expect: 'int' object has no attribute 'strip'
