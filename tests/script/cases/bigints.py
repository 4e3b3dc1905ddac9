# Integers of any size, as CPython's int: small ints stay unboxed, results past 64 bits are big ints.
import json
import math
import sys
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(300))
print(math.factorial(100))
print(2 ** 200 % 97, pow(2, 200, 97), pow(3, 10 ** 20, 10 ** 9 + 7), pow(3, -1, 7))
print(2 ** 64, -2 ** 64, 2 ** 63 - 1 + 1, (2 ** 63) - 1, -(2 ** 63))
print(type(2 ** 100), isinstance(2 ** 100, int), 2 ** 100 == 2 ** 100, 2 ** 64 - 2 ** 64 == 0)
print(hash(2 ** 61), hash(2 ** 61 - 1), hash(-2 ** 64), hash(2 ** 100), hash(2 ** 63), hash(-(2 ** 61 - 1)))
print(hash(2.0 ** 70) == hash(2 ** 70), 2.0 ** 70 == 2 ** 70, 2 ** 53 + 1 == float(2 ** 53), 2 ** 53 + 1 > 2.0 ** 53)
d = {2 ** 64: "big", 1: "one"}
d[2 ** 64 // 2 ** 63] = "two"
d[2 ** 65 // 2] = "again"
print(d, {2 ** 70, 2 ** 70 + 0, 2.0 ** 70, 3 - 2})
print(10 ** 30 // 7, 10 ** 30 % 7, -10 ** 30 // 7, -10 ** 30 % 7, 10 ** 30 // -7, divmod(-10 ** 25, 3))
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98, ~(2 ** 70), (2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1, (2 ** 70) ^ -1)
print(-2 ** 70 & 0xFFFF, 2 ** 70 < 2 ** 71, -2 ** 70 < 5, 2 ** 70 > 1e300, 2 ** 70 < float("inf"), max(2 ** 70, 3, 2.5))
print(int("123456789012345678901234567890"), int("-" + "ff" * 10, 16), int("0x" + "f" * 20, 0), int(" 1_000_000_000_000_000_000_000 "))
print(str(2 ** 90), repr(-2 ** 90), f"{2 ** 100:,}", f"{2 ** 100:x}", f"{2 ** 70:>30}|", format(-2 ** 65, "_b"), f"{2**80:#X}", f"{2**70:e}")
print("%d items, %x" % (2 ** 70, 2 ** 70), hex(2 ** 70), oct(-2 ** 70), bin(2 ** 65))
print(float(2 ** 70), float(10 ** 300), 10 ** 30 / 10 ** 10, 2 ** 100 / 3, (2 ** 100) // 2.5, 2 ** 70 + 0.5)
for expr in ("float(10 ** 400)", "10 ** 400 / 3", "10 ** 400 * 1.0", "str(10 ** 5000)", "int('1' * 5000)", "[1][2 ** 70]", "1 << -1"):
    try:
        r = {"float(10 ** 400)": lambda: float(10 ** 400), "10 ** 400 / 3": lambda: 10 ** 400 / 3,
             "10 ** 400 * 1.0": lambda: 10 ** 400 * 1.0, "str(10 ** 5000)": lambda: str(10 ** 5000),
             "int('1' * 5000)": lambda: int("1" * 5000), "[1][2 ** 70]": lambda: [1][2 ** 70],
             "1 << -1": lambda: 1 << -1}[expr]()
        print(expr, r)
    except (OverflowError, ValueError, IndexError) as e:
        print(expr, type(e).__name__, e)
print(math.gcd(2 ** 100, 6 ** 50), math.isqrt(10 ** 40), math.comb(100, 50), math.perm(30, 20), math.lcm(2 ** 70, 3))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum(range(10)) * 10 ** 20, abs(-2 ** 80), round(2 ** 70, -5), round(123456789 * 10 ** 15, -20))
print((2 ** 100).bit_length(), (2 ** 100 - 1).bit_count(), (2 ** 70).to_bytes(10, "big"), int.from_bytes(b"\xff" * 12, "big"))
print(int.from_bytes(b"\xff" * 12, "little", signed=True), (-2 ** 70).to_bytes(12, "big", signed=True), (2 ** 70).as_integer_ratio())
print(json.dumps({"n": 2 ** 80, "l": [10 ** 25]}), json.loads("[123456789012345678901234567890]"), sys.maxsize, sys.maxsize + 1)
print(int(1e20), int(-1.5e30), math.floor(1e25), math.ceil(-1e25), int(2 ** 70), 2 ** 0.5 > 1, 4 ** -1, (-2) ** 65)
x = 9223372036854775807
x += 1
print(x, x - 1, type(x - 1) is int, x * 0, -x, 0xFFFFFFFFFFFFFFFFFFFF, 123_456_789_012_345_678_901)
print(2 ** 100 if 2 ** 100 else 0, bool(2 ** 100), not 2 ** 100, [0] * 3 == [0, 0, 0], sorted([2 ** 70, -2 ** 70, 0, 1.5]))
print(format(True, ">5"), f"{False:+}", round(9223372036854775807, -3), round(-2 ** 63, -3), round(25, -1), round(35, -1))
print(10 ** 20 // 3.0, 2 ** 64 % 2.5, (2 ** 70) ** 2 // 2 ** 139, -(2 ** 64) // -(2 ** 63), 5 // 2 ** 70, -5 // 2 ** 70, -5 % 2 ** 70)
import random
import statistics
random.seed(7)
print(random.getrandbits(100), random.randrange(10 ** 20), random.randint(2 ** 64, 2 ** 65), random.randrange(-2 ** 70, 2 ** 70, 3))
print(math.log(2 ** 1000), math.log10(10 ** 400), math.log2(2 ** 2000), math.log(10 ** 400, 10), math.sqrt(2 ** 200), statistics.mean([2 ** 70, 2 ** 71]))
cases = [("123", 10), (" -0x1F ", 16), ("0x1f", 0), ("0o17", 0), ("0b101", 0), ("010", 0), ("0", 0), ("00", 0), ("1_000", 10), ("1__000", 10), ("_1", 10), ("1_", 10),
         ("z", 36), ("Z" * 30, 36), ("12345678901234567890123", 10), ("-9223372036854775808", 10), ("9223372036854775808", 10), ("+42", 10), ("4 2", 10), ("", 10),
         ("0x", 16), ("ff", 15), ("1e5", 10), ("0b1_0", 0), ("-0", 10), ("7", 1), ("7", 37)]
for s, b in cases:
    try:
        print(repr(s), b, int(s, b))
    except (ValueError, TypeError) as e:
        print(repr(s), b, type(e).__name__, e)
for v in [1e19, -1e19, 1.5e300, 0.9, -0.9, 2.0**63, -2.0**63]:
    print(int(v), round(v), int(str(int(v))))
for f in (lambda: "ab" * 2**70, lambda: [1] * 2**64, lambda: 2**80 * (1,), lambda: b"x" * 2**65, lambda: 2**70 * 1.5, lambda: {1} * 2**70):
    try:
        print(f())
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
# What python3 3.11 prints, in order:
# expect: 222232244629420445529739893461909967206666939096499764990979600
# expect: 93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000
# expect: 62 62 139421235 5
# expect: 18446744073709551616 -18446744073709551616 9223372036854775808 9223372036854775807 -9223372036854775808
# expect: <class 'int'> True True True
# expect: 1 0 -8 549755813888 4 0
# expect: True True False True
# expect: {18446744073709551616: 'again', 1: 'one', 2: 'two'} {1180591620717411303424, 1}
# expect: 142857142857142857142857142857 1 -142857142857142857142857142858 6 -142857142857142857142857142858 (-3333333333333333333333334, 2)
# expect: 1267650600228229401496703205376 2 -4 -1180591620717411303425 0 1180591620717411303425 -1180591620717411303425
# expect: 0 True True False True 1180591620717411303424
# expect: 123456789012345678901234567890 -1208925819614629174706175 1208925819614629174706175 1000000000000000000000
# expect: 1237940039285380274899124224 -1237940039285380274899124224 1,267,650,600,228,229,401,496,703,205,376 10000000000000000000000000         1180591620717411303424| -10_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000 0X100000000000000000000 1.180592e+21
# expect: 1180591620717411303424 items, 400000000000000000 0x400000000000000000 -0o200000000000000000000000 0b100000000000000000000000000000000000000000000000000000000000000000
# expect: 1.1805916207174113e+21 1e+300 1e+20 4.2255020007607644e+29 5.070602400912918e+29 1.1805916207174113e+21
# expect: float(10 ** 400) OverflowError int too large to convert to float
# expect: 10 ** 400 / 3 OverflowError integer division result too large for a float
# expect: 10 ** 400 * 1.0 OverflowError int too large to convert to float
# expect: str(10 ** 5000) ValueError Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: int('1' * 5000) ValueError Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: [1][2 ** 70] IndexError cannot fit 'int' into an index-sized integer
# expect: 1 << -1 ValueError negative shift count
# expect: 1125899906842624 100000000000000000000 100891344545564193334812497256 73096577329197271449600000 3541774862152233910272
# expect: 13835058055282163712 4500000000000000000000 1208925819614629174706176 1180591620717411300000 123500000000000000000000
# expect: 101 100 b'\x00@\x00\x00\x00\x00\x00\x00\x00\x00' 79228162514264337593543950335
# expect: -1 b'\xff\xff\xff\xc0\x00\x00\x00\x00\x00\x00\x00\x00' (1180591620717411303424, 1)
# expect: {"n": 1208925819614629174706176, "l": [10000000000000000000000000]} [123456789012345678901234567890] 9223372036854775807 9223372036854775808
# expect: 100000000000000000000 -1499999999999999889089448902656 10000000000000000905969664 -10000000000000000905969664 1180591620717411303424 True 0.25 -36893488147419103232
# expect: 9223372036854775808 9223372036854775807 True 0 -9223372036854775808 1208925819614629174706175 123456789012345678901
# expect: 1267650600228229401496703205376 True False True [-1180591620717411303424, 0, 1.5, 1180591620717411303424]
# expect:     1 +0 9223372036854776000 -9223372036854776000 20 40
# expect: 3.333333333333333e+19 1.0 2 2 0 -1 1180591620717411303419
# expect: 487320478161116480663150048312 890727360438182992 28332022298696419364 -982319300117185077784
# expect: 693.1471805599454 400.0 2000.0 399.99999999999994 1.2676506002282294e+30 1770887431076116955136
# expect: '123' 10 123
# expect: ' -0x1F ' 16 -31
# expect: '0x1f' 0 31
# expect: '0o17' 0 15
# expect: '0b101' 0 5
# expect: '010' 0 ValueError invalid literal for int() with base 0: '010'
# expect: '0' 0 0
# expect: '00' 0 0
# expect: '1_000' 10 1000
# expect: '1__000' 10 ValueError invalid literal for int() with base 10: '1__000'
# expect: '_1' 10 ValueError invalid literal for int() with base 10: '_1'
# expect: '1_' 10 ValueError invalid literal for int() with base 10: '1_'
# expect: 'z' 36 35
# expect: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ' 36 48873677980689257489322752273774603865660850175
# expect: '12345678901234567890123' 10 12345678901234567890123
# expect: '-9223372036854775808' 10 -9223372036854775808
# expect: '9223372036854775808' 10 9223372036854775808
# expect: '+42' 10 42
# expect: '4 2' 10 ValueError invalid literal for int() with base 10: '4 2'
# expect: '' 10 ValueError invalid literal for int() with base 10: ''
# expect: '0x' 16 ValueError invalid literal for int() with base 16: '0x'
# expect: 'ff' 15 ValueError invalid literal for int() with base 15: 'ff'
# expect: '1e5' 10 ValueError invalid literal for int() with base 10: '1e5'
# expect: '0b1_0' 0 2
# expect: '-0' 10 0
# expect: '7' 1 ValueError int() base must be >= 2 and <= 36, or 0
# expect: '7' 37 ValueError int() base must be >= 2 and <= 36, or 0
# expect: 10000000000000000000 10000000000000000000 10000000000000000000
# expect: -10000000000000000000 -10000000000000000000 -10000000000000000000
# expect: 1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240 1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240 1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240
# expect: 0 1 0
# expect: 0 -1 0
# expect: 9223372036854775808 9223372036854775808 9223372036854775808
# expect: -9223372036854775808 -9223372036854775808 -9223372036854775808
# expect: OverflowError cannot fit 'int' into an index-sized integer
# expect: OverflowError cannot fit 'int' into an index-sized integer
# expect: OverflowError cannot fit 'int' into an index-sized integer
# expect: OverflowError cannot fit 'int' into an index-sized integer
# expect: 1.770887431076117e+21
# expect: TypeError unsupported operand type(s) for *: 'set' and 'int'
