from fractions import Fraction
import math


def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def transpose(m):
    return [list(r) for r in zip(*m)]


def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))


A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
print(mat_mul(A, B), transpose(A), det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
F = [[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 4), Fraction(1, 5)]]
print(det(F), mat_mul(F, F)[0][0], Fraction(3, 4) + Fraction(1, 6), float(Fraction(1, 3)))
print(math.gcd(48, 18), math.lcm(4, 6), math.comb(5, 2), math.perm(5, 2), math.factorial(10), math.isqrt(99))
print(math.hypot(3, 4), math.dist((0, 0), (1, 1)), round(math.degrees(math.pi / 3), 6), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2, math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fsum([0.1] * 10))
