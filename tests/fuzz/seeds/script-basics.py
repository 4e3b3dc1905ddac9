# Plain synchronous Python: arithmetic, strings, containers, control flow.
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 10, 1 / 4)  # expect: 3 -4 -2 2 1024 0.25
print(0.1 + 0.2, 1e16, 1e-5, 3.0, -0.0)  # expect: 0.30000000000000004 1e+16 1e-05 3.0 -0.0
print(1 < 2 < 3, 1 < 3 < 2, not 0, None is None, 3 in [1, 2, 3])  # expect: True False True True True
s = "hello world"
print(s.upper(), s.split(), s[::-1], s[1:4], len(s))  # expect: HELLO WORLD ['hello', 'world'] dlrow olleh ell 11
print("-".join(["a", "b"]), "x".center(5, "*"), "a,b,,c".split(","))  # expect: a-b **x** ['a', 'b', '', 'c']
d = {"b": 2, "a": 1}
d["c"] = 3
del d["b"]
print(d, list(d), d.get("z", 0))  # expect: {'a': 1, 'c': 3} ['a', 'c'] 0
print(sorted({3: 1, 1: 2}), sorted(["b", "A", "c"], key=str.lower if False else None))  # expect: [1, 3] ['A', 'b', 'c']
t = (1, "two", 3.0, None, [4], {"k": (5,)})
print(t)  # expect: (1, 'two', 3.0, None, [4], {'k': (5,)})
total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    total = -1
print(total)  # expect: 12
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)  # expect: while else 3
a, (b, c), *rest = 1, (2, 3), 4, 5
print(a, b, c, rest)  # expect: 1 2 3 [4, 5]
print([x * y for x in range(3) for y in range(3) if x != y])  # expect: [0, 0, 0, 2, 0, 2]
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})  # expect: {'a': 0, 'b': 1, 'c': 2} {0, 1, 2}
print(sum(x for x in range(5)), any(x > 3 for x in range(5)), all([]))  # expect: 10 True True
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, 2])))  # expect: [2, 4] [1, 2]
print(list(enumerate("ab", 1)), list(reversed([1, 2, 3])))  # expect: [(1, 'a'), (2, 'b')] [3, 2, 1]
print(min(3, 1, 2), max([1, 5, 2]), min([], default="none"), abs(-3), round(2.5), round(3.5), round(2.675, 2))  # expect: 1 5 none 3 2 4 2.67
print(int("42"), float("1.5"), str(12), bool([]), int(-3.9), divmod(-7, 2))  # expect: 42 1.5 12 False -3 (-4, 1)
x = 5
y = "big" if x > 3 else "small"
print(y, x and 0, x or 0, [] or "empty")  # expect: big 0 5 empty
print(type(x).__name__, type("s").__name__, type([]).__name__, isinstance(True, int))  # expect: int str list True
