def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)  # expect: RecursionError: maximum recursion depth exceeded
print(2 ** 62 + (2 ** 62 - 1))  # expect: 9223372036854775807
print(2 ** 63)  # expect: 9223372036854775808
