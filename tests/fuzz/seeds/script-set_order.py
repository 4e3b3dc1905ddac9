# Sets iterate in CPython's order (its hash table), for ints, strs, floats, tuples.
s = {3, 1, 2}
print(s, {100, 5, 37, 8, 16, 24, 1})
t = set()
for x in [64, 8, 32, 1, 17, 9, 33, 2, 40]:
    t.add(x)
print(t)
print(t | {5, 99, 7}, t & {8, 9, 1000}, t - {8, 1}, t ^ {1, 2, 3, 77})
u = set(t)
u &= {1, 2, 64, 40}
u ^= {5, 1}
print(u, t.pop(), t.pop(), t)
print({"apple", "banana", "cherry", "date"}, {1.5, 2.25, -3.0, 7}, {(1, 2), (3, 4), (5,)})
for x in {9, 17, 1, 33}:
    print(x, end=" ")
print([x for x in {40, 8, 16, 0}], {x * 7 % 50 for x in range(12)})
print(hash("hello"), hash(1.5), hash((1, "a")), hash(-1))
# expect: {1, 2, 3} {16, 1, 100, 5, 37, 8, 24}
# expect: {64, 32, 1, 33, 2, 8, 9, 40, 17}
# expect: {64, 32, 1, 33, 2, 99, 5, 7, 8, 9, 40, 17} {8, 9} {64, 33, 32, 2, 40, 9, 17} {64, 33, 3, 32, 8, 9, 40, 77, 17}
# expect: {64, 2, 5, 40} 64 32 {1, 33, 2, 8, 9, 40, 17}
# expect: {'date', 'banana', 'cherry', 'apple'} {1.5, 2.25, -3.0, 7} {(1, 2), (3, 4), (5,)}
# expect: 9 1 17 33 [40, 8, 16, 0] {0, 35, 6, 7, 42, 13, 14, 49, 20, 21, 27, 28}
# expect: -2096571579003691106 1152921504606846977 3906047847676358913 -2
