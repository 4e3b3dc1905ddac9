# Subclasses of int and float: __new__, attributes, arithmetic giving the
# base type, comparisons, hashing as the plain number, overrides honoured.
class Money(float):
    def __new__(cls, amount, currency="EUR"):
        obj = super().__new__(cls, round(amount, 2))
        obj.currency = currency
        return obj

    def __repr__(self):
        return f"{float(self):.2f} {self.currency}"

m = Money(12.345, "USD")
print(m, repr(m), str(m), f"{m}", f"{m:.1f}", format(m, ">10.3f"), m.currency, [m])
print(m + 1, type(m + 1).__name__, 1 + m, m * 2, m / 2, m // 5, m % 5, -m, abs(Money(-2)), type(-m).__name__)
print(m > 12, m < 13.0, m == 12.35, 12.35 == m, hash(m) == hash(12.35), {12.35: "x"}[m], m.is_integer(), round(m))
print(isinstance(m, float), int(m), float(m), type(float(m)).__name__, max(m, 3), sum([m, Money(1)]), bool(Money(0)))

class Flags(int):
    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def has(self, bit):
        return bool(self & bit)

    def __str__(self):
        return f"Flags({int(self):#b})"

f = Flags(5)
print(f, repr(f), f"{f}", f"{f:03d}", "%d %s" % (f, f), f.has(4), f.has(2), f.bit_length())
print(f | 2, type(f | 2).__name__, f << 1, f ** 2, divmod(f, 2), ~f, f + True, [10, 20, 30, 40, 50, 60][f], "ab" * Flags(2))
print({5: "five"}[f], {f: 1}[5], f in {5}, sorted([Flags(3), 1, Flags(2)]), list(range(Flags(3))), hex(f), bin(f))

class Meters(int):
    unit = "m"
    def __add__(self, other):
        return Meters(int(self) + int(other))
    __radd__ = __add__

d = Meters(3) + 4
print(d, type(d).__name__, 4 + Meters(3), type(4 + Meters(3)).__name__, Meters(2) - 1, type(Meters(2) - 1).__name__)
print(Meters("12"), Meters(2.9), Meters(), Meters(3).unit, vars(Meters(1)), Meters.__mro__)
print(isinstance(d, int), issubclass(Meters, int), Meters(7) == 7, Meters(1) is not Meters(1))

class Celsius(float):
    def __str__(self):
        return f"{float(self)}°C"
c = Celsius(21.5)
print(c, repr(c), c + 0.5, round(c), int(c), c > 20, f"{c}", f"{c:.0f}")
try:
    Flags("x")
except ValueError as e:
    print(e)
try:
    Money(1) + "a"
except TypeError as e:
    print(e)
try:
    f.nothere
except AttributeError as e:
    print(e)
