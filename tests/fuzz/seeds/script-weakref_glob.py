# weakref: references die with their object (reference counting, as CPython); glob and fnmatch.
import fnmatch
import glob
import os
import tempfile
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
r = weakref.ref(a, lambda wr: print("callback: a died, ref is dead:", wr() is None))
print(r() is a, r() == a, weakref.getweakrefcount(a), isinstance(r, weakref.ref), vars(a))
b = a
del a
print("still alive via b:", r())
b = None
print("after last reference:", r())
cache = weakref.WeakValueDictionary()
keep = [Node(i) for i in range(3)]
for n in keep:
    cache[n.name] = n
cache["tmp"] = Node("tmp")
print(len(cache), sorted(cache.keys(), key=str), 1 in cache, "tmp" in cache, cache.get("tmp"))
keep.pop()
print(len(cache), sorted(cache.keys(), key=str), cache[0], cache.get(2, "gone"))
try:
    cache[2]
except KeyError as e:
    print("KeyError:", e)
meta = weakref.WeakKeyDictionary()
x, y = Node("x"), Node("y")
meta[x] = 1
meta[y] = 2
meta[x] += 10
print(len(meta), meta[x], x in meta, sorted(meta.values()))
del y
print(len(meta), list(meta.keys()))
ws = weakref.WeakSet([x, Node("short")])
print(len(ws), x in ws, list(ws))
f = weakref.finalize(x, print, "finalized", "x")
print(f.alive)
del x, meta, ws
print("after del x: alive =", f.alive)
for bad in ([1], "s", 3, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
with tempfile.TemporaryDirectory() as root:
    for rel in ("a.py", "b.txt", "sub/c.py", "sub/deep/d.py", ".hidden.py"):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()
    show = lambda ps: sorted(os.path.relpath(p, root) for p in ps)
    print(show(glob.glob(os.path.join(root, "*.py"))), show(glob.glob(os.path.join(root, "*"))))
    print(show(glob.glob(os.path.join(root, "**", "*.py"), recursive=True)), show(glob.iglob(os.path.join(root, "*", "*.py"))))
    print(show(glob.glob(os.path.join(root, "**"), recursive=True)), glob.glob(os.path.join(root, "nope", "*")))
    print(show(glob.glob(os.path.join(root, "[ab].*"))), show(glob.glob(os.path.join(root, "?.txt"))), show(glob.glob(os.path.join(root, ".*"))))
    print(glob.has_magic("a[b]"), glob.has_magic("plain"), glob.escape("f*[x]?.py"))
print(fnmatch.fnmatch("main.py", "*.py"), fnmatch.fnmatch("x.PY", "*.py"), fnmatch.fnmatchcase("ab", "a?"), fnmatch.fnmatch("a1", "a[!0-9]"))
print(fnmatch.filter(["x.c", "y.h", "z.cpp", "w.c"], "*.[ch]"), fnmatch.fnmatch("[x]", "[[]x]"), fnmatch.fnmatch("a*b", "a[*]b"))
# What python3 3.11 prints under the CPython oracle, in order:
# expect: True True 1 True {'name': 'a'}
# expect: still alive via b: Node(a)
# expect: callback: a died, ref is dead: True
# expect: after last reference: None
# expect: 3 [0, 1, 2] True False None
# expect: 3 [0, 1, 2] Node(0) Node(2)
# expect: 2 11 True [2, 11]
# expect: 1 [Node(x)]
# expect: 1 True [Node(x)]
# expect: True
# expect: finalized x
# expect: after del x: alive = False
# expect: TypeError: cannot create weak reference to 'list' object
# expect: TypeError: cannot create weak reference to 'str' object
# expect: TypeError: cannot create weak reference to 'int' object
# expect: TypeError: cannot create weak reference to 'NoneType' object
# expect: ['a.py'] ['a.py', 'b.txt', 'sub']
# expect: ['a.py', 'sub/c.py', 'sub/deep/d.py'] ['sub/c.py']
# expect: ['.', 'a.py', 'b.txt', 'sub', 'sub/c.py', 'sub/deep', 'sub/deep/d.py'] []
# expect: ['a.py', 'b.txt'] ['b.txt'] ['.hidden.py']
# expect: True False f[*][[]x][?].py
# expect: True False True False
# expect: ['x.c', 'y.h', 'w.c'] True True
