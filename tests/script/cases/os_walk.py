# os.walk (top-down, prunable) and os.path.relpath over a temporary tree.
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    for d in ["a/b/c", "a/skip/deep", "x"]:
        os.makedirs(os.path.join(tmp, d))
    for f in ["top.txt", "a/one.txt", "a/b/two.txt", "a/b/c/three.txt", "a/skip/deep/hidden.txt", "x/y.txt"]:
        with open(os.path.join(tmp, f), "w") as fh:
            fh.write(f)
    seen = []
    for root, dirs, files in os.walk(tmp):
        dirs[:] = sorted(d for d in dirs if d != "skip")
        seen.append((os.path.relpath(root, tmp), dirs[:], sorted(files)))
    for row in sorted(seen):
        print(row)
    print(os.path.relpath(os.path.join(tmp, "a", "b"), os.path.join(tmp, "x")), os.path.relpath(tmp, tmp))
    print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("a/b", "a"))
    print(list(os.walk(os.path.join(tmp, "missing"))))
# expect: ('.', ['a', 'x'], ['top.txt'])
# expect: ('a', ['b'], ['one.txt'])
# expect: ('a/b', ['c'], ['two.txt'])
# expect: ('a/b/c', [], ['three.txt'])
# expect: ('x', [], ['y.txt'])
# expect: ../a/b .
# expect: b/c ../.. b
# expect: []
