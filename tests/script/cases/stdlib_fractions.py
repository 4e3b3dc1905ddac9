# fractions.Fraction: exact arithmetic with ints, floats mixed in, parsing,
# hashing like the equal int, limit_denominator, rounding.
from fractions import Fraction
import math

a, b = Fraction(1, 3), Fraction("3/4")
print(a + b, a - b, a * b, a / b, a // b, b % a, -a, abs(-b), a ** 2, b ** -1, 2 ** Fraction(3))
print(repr(Fraction(0.1)), Fraction(6, -4), Fraction("-1.25"), Fraction("2e3"), float(b), int(Fraction(-7, 2)))
print(a < b, a == Fraction(2, 6), a == 1 / 3, Fraction(2) == 2, hash(Fraction(2)) == hash(2), a + 0.5)
print(sum([Fraction(1, 10)] * 10), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print(Fraction(math.pi).limit_denominator(100), math.floor(Fraction(-1, 2)), math.ceil(Fraction(1, 2)))
print(b.numerator, b.denominator, b.as_integer_ratio(), sorted([b, a, Fraction(1, 2)]), {a: "third"}[Fraction(1, 3)])
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# expect: 13/12 -5/12 1/4 4/9 0 1/12 -1/3 3/4 1/9 4/3 8
# expect: Fraction(3602879701896397, 36028797018963968) -3/2 -5/4 2000 0.75 -3
# expect: True True False True True 0.8333333333333333
# expect: 1 2 4 157/50
# expect: 311/99 -1 1
# expect: 3 4 (3, 4) [Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)] third
# expect: ZeroDivisionError Fraction(1, 0)
