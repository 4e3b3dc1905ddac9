"""Number crunching tutorial: digit sums of big factorials, Collatz records and perfect powers in async workers."""
import asyncio
import math
from functools import reduce


def digit_sum(n: int) -> int:
    return sum(int(d) for d in str(n))


def collatz_peak(n: int) -> tuple[int, int]:
    steps, peak = 0, n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = max(peak, n)
        steps += 1
    return steps, peak


async def job(name: str, fn, *args):
    await asyncio.sleep(0.01)
    result = fn(*args)
    print(f"{name}{args} = {result}")
    return result


async def main():
    await asyncio.gather(
        job("digit_sum(fact)", lambda n: digit_sum(math.factorial(n)), 100),
        job("collatz_peak", collatz_peak, 2**70 + 1),
        job("lcm", lambda *xs: reduce(math.lcm, xs), *range(1, 60)),
        job("comb", math.comb, 200, 100),
    )
    mersenne = [p for p in (2, 3, 5, 7, 11, 13, 17, 19, 31, 61, 89) if pow(3, 2**p - 2, 2**p - 1) == 1]
    print("probable Mersenne prime exponents:", mersenne)
    big = 3**200
    print(big // 7**50, big % 7**50, -big // 10**90, round(big / 10**90, 6), big > 1e95, big < float("inf"))
    print(f"{big:.3e}", f"{2**100:>40,}", f"{-2**64:+d}", f"{2**70:o}"[:10], f"{255**9:X}")
    print(int("9" * 50) + 1 == 10**50, int("-" + "1" * 30, 2), abs(-(2**100)), -(-(2**63)))
    print(hash(2**64) == hash(float(2**64)), {2**64: "a", 2.0**64: "b"}, 2**64 in {float(2**64)})


asyncio.run(main())
