# random's distributions and choices are bit-identical to CPython for a seed.
import random

def show(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

random.seed(42)
print(random.gauss(), random.gauss(10, 2), random.gauss(mu=1, sigma=0.5))
print(random.normalvariate(), random.normalvariate(5, 1), random.lognormvariate(0, 0.25))
print(random.triangular(), random.triangular(1, 10), random.triangular(1, 10, 2), random.triangular(3, 3, 3))
print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1.5), random.betavariate(2, 5))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.vonmisesvariate(0, 4), random.vonmisesvariate(1, 0))
print(random.choices("abc"), random.choices(range(10), k=5), random.choices(["x", "y", "z"], weights=[5, 1, 0], k=6))
print(random.choices("ab", cum_weights=[1, 3], k=4), random.choices([1, 2], [0.1, 0.9], k=3))
random.seed(7)
g1 = random.gauss()
random.seed(7)
print(g1 == random.gauss(), random.gauss() != g1)
r = random.Random(5)
print(r.gauss(), r.choices("xyz", k=3), r.triangular(0, 1, 0.9), r.betavariate(0.5, 0.5))
show(random.choices, "ab", [1])
show(random.choices, "ab", [0, 0])
show(random.choices, "ab", [1, 1], cum_weights=[1, 2])
show(random.choices, "ab", 3)
show(random.gammavariate, -1, 1)
show(random.lognormvariate, 1)
# expect: -0.14409032957792836 9.654192799336961 0.9443420692161688
# expect: 1.2547859310574627 4.861940937257188 0.783522826713571
# expect: 0.11518673900207355 3.8377675825918627 4.979211169559676 3
# expect: 0.06811494935288752 3.3154761884461945 0.4746209359691199 0.5329212108769431
# expect: 1.1465869309001384 0.2115951468416759 0.07636507539371185 5.071336507646816
# expect: ['c'] [5, 9, 3, 5, 8] ['x', 'y', 'x', 'x', 'x', 'x']
# expect: ['a', 'a', 'a', 'a'] [2, 2, 2]
# expect: True True
# expect: -1.1788417512306717 ['z', 'z', 'z'] 0.9118665765248036 0.0005866509302588337
# expect: ValueError The number of weights does not match the population
# expect: ValueError Total of weights must be greater than zero
# expect: TypeError Cannot specify both weights and cumulative weights
# expect: TypeError The number of choices must be a keyword argument: k=3
# expect: ValueError gammavariate: alpha and beta must be > 0.0
# expect: TypeError Random.lognormvariate() missing 1 required positional argument: 'sigma'
