// fractions: Fraction, written in the script language: exact rational
// arithmetic with ints and Fractions (a float operand gives a float),
// comparisons, CPython's hash, str/repr, and construction from ints,
// floats and strings ("3/4", "1.25", "-2").

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import math as _math
import re as _re

_PyHASH_MODULUS = 2 ** 61 - 1
_PyHASH_INF = 314159
_RATIONAL = _re.compile(r"\s*(?P<sign>[-+]?)(?P<num>\d+)(?:/(?P<denom>\d+)|\.(?P<decimal>\d*))?"
                        r"(?:[eE](?P<exp>[-+]?\d+))?\s*$")


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, int):
                n, d = numerator, 1
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                m = _RATIONAL.match(numerator)
                if m is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                n = int(m.group("num"))
                d = int(m.group("denom") or 1)
                decimal = m.group("decimal")
                if decimal:
                    n = n * 10 ** len(decimal) + int(decimal)
                    d *= 10 ** len(decimal)
                exp = m.group("exp")
                if exp:
                    e = int(exp)
                    if e >= 0:
                        n *= 10 ** e
                    else:
                        d *= 10 ** -e
                if m.group("sign") == "-":
                    n = -n
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                q = Fraction(numerator) / Fraction(denominator)
                n, d = q._numerator, q._denominator
            elif isinstance(numerator, int) and isinstance(denominator, int):
                n, d = numerator, denominator
            else:
                raise TypeError("both arguments should be Rational instances")
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        object.__setattr__(self, "_numerator", n // g)
        object.__setattr__(self, "_denominator", d // g)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return "Fraction(%s, %s)" % (self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def _apply(self, other, op, reflected=False):
        o = self._coerce(other)
        if o is not None:
            return op(o, self) if reflected else op(self, o)
        if isinstance(other, float):
            return op(other, float(self)) if reflected else op(float(self), other)
        return NotImplemented

    def __add__(self, other):
        return self._apply(other, _add)

    def __radd__(self, other):
        return self._apply(other, _add, True)

    def __sub__(self, other):
        return self._apply(other, _sub)

    def __rsub__(self, other):
        return self._apply(other, _sub, True)

    def __mul__(self, other):
        return self._apply(other, _mul)

    def __rmul__(self, other):
        return self._apply(other, _mul, True)

    def __truediv__(self, other):
        return self._apply(other, _div)

    def __rtruediv__(self, other):
        return self._apply(other, _div, True)

    def __floordiv__(self, other):
        return self._apply(other, _floordiv)

    def __rfloordiv__(self, other):
        return self._apply(other, _floordiv, True)

    def __mod__(self, other):
        return self._apply(other, _mod)

    def __rmod__(self, other):
        return self._apply(other, _mod, True)

    def __pow__(self, other):
        if isinstance(other, int):
            if other >= 0:
                return Fraction(self._numerator ** other, self._denominator ** other)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -other))
            return Fraction(self._denominator ** -other, self._numerator ** -other)
        if isinstance(other, Fraction) and other._denominator == 1:
            return self ** other._numerator
        return float(self) ** other

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0 and isinstance(other, int):
            return Fraction(other ** self._numerator)
        return other ** float(self)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __float__(self):
        return self._numerator / self._denominator

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        dinv = pow(self._denominator, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)
        if not dinv:
            h = _PyHASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def _compare(self, other, op):
        o = self._coerce(other)
        if o is not None:
            return op(self._numerator * o._denominator, o._numerator * self._denominator)
        if isinstance(other, float):
            if _math.isinf(other) or _math.isnan(other):
                return op(0.0, other)
            return op(self, Fraction(other))
        return NotImplemented

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)


def _add(a, b):
    if isinstance(a, float):
        return a + b
    return Fraction(a._numerator * b._denominator + b._numerator * a._denominator, a._denominator * b._denominator)


def _sub(a, b):
    if isinstance(a, float):
        return a - b
    return Fraction(a._numerator * b._denominator - b._numerator * a._denominator, a._denominator * b._denominator)


def _mul(a, b):
    if isinstance(a, float):
        return a * b
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if isinstance(a, float):
        return a / b
    if b._numerator == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * b._denominator))
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _floordiv(a, b):
    if isinstance(a, float):
        return a // b
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _mod(a, b):
    if isinstance(a, float):
        return a % b
    d = a._denominator * b._denominator
    return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator), d)
)PY";

}  // namespace

Ref<ModuleObj> make_fractions_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("fractions");
  run_source_in_module(in, m, "fractions.py", kSource);
  return m;
}

}  // namespace loopscope::script
