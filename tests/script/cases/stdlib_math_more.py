# The rest of math, values and errors as python3 prints them.
import math

def show(expr, f):
    try:
        print(expr, repr(f()))
    except Exception as e:
        print(expr, type(e).__name__, e)

show('comb(5,2)', lambda: math.comb(5,2))
show('comb(60,30)', lambda: math.comb(60,30))
show('perm(5,2)', lambda: math.perm(5,2))
show('perm(5)', lambda: math.perm(5))
show('prod([1,2,3])', lambda: math.prod([1,2,3]))
show('prod([1.5,2])', lambda: math.prod([1.5,2]))
show('prod([2,3], start=2)', lambda: math.prod([2,3], start=2))
show('fsum([0.1]*10)', lambda: math.fsum([0.1]*10))
show('fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])', lambda: math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
show("fsum([1, float('inf')])", lambda: math.fsum([1, float('inf')]))
show('isqrt(17)', lambda: math.isqrt(17))
show('isqrt(10**18)', lambda: math.isqrt(10**18))
show('lcm(4,6)', lambda: math.lcm(4,6))
show('lcm(4,-6,0)', lambda: math.lcm(4,-6,0))
show('copysign(3,-0.0)', lambda: math.copysign(3,-0.0))
show('fmod(7,-3)', lambda: math.fmod(7,-3))
show('modf(2.5)', lambda: math.modf(2.5))
show('modf(-0.0)', lambda: math.modf(-0.0))
show('frexp(8.0)', lambda: math.frexp(8.0))
show('frexp(0.1)', lambda: math.frexp(0.1))
show('ldexp(0.5,4)', lambda: math.ldexp(0.5,4))
show('degrees(math.pi)', lambda: math.degrees(math.pi))
show('radians(180)', lambda: math.radians(180))
show('asin(1)', lambda: math.asin(1))
show('acos(0)', lambda: math.acos(0))
show('sinh(1)', lambda: math.sinh(1))
show('cosh(1)', lambda: math.cosh(1))
show('tanh(1)', lambda: math.tanh(1))
show('asinh(1)', lambda: math.asinh(1))
show('acosh(2)', lambda: math.acosh(2))
show('atanh(0.5)', lambda: math.atanh(0.5))
show('expm1(1e-5)', lambda: math.expm1(1e-5))
show('log1p(1e-5)', lambda: math.log1p(1e-5))
show('erf(1)', lambda: math.erf(1))
show('erfc(1)', lambda: math.erfc(1))
show('dist((0,0),(3,4))', lambda: math.dist((0,0),(3,4)))
show('dist([1,2,3],[4,6,3])', lambda: math.dist([1,2,3],[4,6,3]))
show('isfinite(1e308)', lambda: math.isfinite(1e308))
show('remainder(7,4)', lambda: math.remainder(7,4))
show('cbrt(27)', lambda: math.cbrt(27))
show('exp2(3)', lambda: math.exp2(3))
show('ulp(1.0)', lambda: math.ulp(1.0))
show('nextafter(1,2)', lambda: math.nextafter(1,2))
show('comb(5,-1)', lambda: math.comb(5,-1))
show('isqrt(-1)', lambda: math.isqrt(-1))
show('sqrt(-1)', lambda: math.sqrt(-1))
show('lcm()', lambda: math.lcm())
show('prod([])', lambda: math.prod([]))
show('fmod(1,0)', lambda: math.fmod(1,0))
show('acos(2)', lambda: math.acos(2))
show('comb(1.5, 1)', lambda: math.comb(1.5, 1))
show('atanh(1)', lambda: math.atanh(1))
show('ldexp(1.0, 2000)', lambda: math.ldexp(1.0, 2000))
show("fsum(['a'])", lambda: math.fsum(['a']))
show('dist((1,),(1,2))', lambda: math.dist((1,),(1,2)))
show('perm(3,4)', lambda: math.perm(3,4))
show('comb(3,4)', lambda: math.comb(3,4))
# expect: comb(5,2) 10
# expect: comb(60,30) 118264581564861424
# expect: perm(5,2) 20
# expect: perm(5) 120
# expect: prod([1,2,3]) 6
# expect: prod([1.5,2]) 3.0
# expect: prod([2,3], start=2) 12
# expect: fsum([0.1]*10) 1.0
# expect: fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) 1e-100
# expect: fsum([1, float('inf')]) inf
# expect: isqrt(17) 4
# expect: isqrt(10**18) 1000000000
# expect: lcm(4,6) 12
# expect: lcm(4,-6,0) 0
# expect: copysign(3,-0.0) -3.0
# expect: fmod(7,-3) 1.0
# expect: modf(2.5) (0.5, 2.0)
# expect: modf(-0.0) (-0.0, -0.0)
# expect: frexp(8.0) (0.5, 4)
# expect: frexp(0.1) (0.8, -3)
# expect: ldexp(0.5,4) 8.0
# expect: degrees(math.pi) 180.0
# expect: radians(180) 3.141592653589793
# expect: asin(1) 1.5707963267948966
# expect: acos(0) 1.5707963267948966
# expect: sinh(1) 1.1752011936438014
# expect: cosh(1) 1.5430806348152437
# expect: tanh(1) 0.7615941559557649
# expect: asinh(1) 0.881373587019543
# expect: acosh(2) 1.3169578969248166
# expect: atanh(0.5) 0.5493061443340548
# expect: expm1(1e-5) 1.0000050000166668e-05
# expect: log1p(1e-5) 9.999950000333332e-06
# expect: erf(1) 0.8427007929497149
# expect: erfc(1) 0.15729920705028513
# expect: dist((0,0),(3,4)) 5.0
# expect: dist([1,2,3],[4,6,3]) 5.0
# expect: isfinite(1e308) True
# expect: remainder(7,4) -1.0
# expect: cbrt(27) 3.0000000000000004
# expect: exp2(3) 8.0
# expect: ulp(1.0) 2.220446049250313e-16
# expect: nextafter(1,2) 1.0000000000000002
# expect: comb(5,-1) ValueError k must be a non-negative integer
# expect: isqrt(-1) ValueError isqrt() argument must be nonnegative
# expect: sqrt(-1) ValueError math domain error
# expect: lcm() 1
# expect: prod([]) 1
# expect: fmod(1,0) ValueError math domain error
# expect: acos(2) ValueError math domain error
# expect: comb(1.5, 1) TypeError 'float' object cannot be interpreted as an integer
# expect: atanh(1) ValueError math domain error
# expect: ldexp(1.0, 2000) OverflowError math range error
# expect: fsum(['a']) TypeError must be real number, not str
# expect: dist((1,),(1,2)) ValueError both points must have the same number of dimensions
# expect: perm(3,4) 0
# expect: comb(3,4) 0
