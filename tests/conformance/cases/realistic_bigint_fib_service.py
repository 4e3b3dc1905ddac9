"""A tiny async "math service": Fibonacci, factorials and modular powers with big integers."""
import asyncio
import math


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


async def handle(request: tuple[str, int]) -> str:
    kind, n = request
    await asyncio.sleep(0.01 * (n % 7))
    if kind == "fib":
        value = fib(n)
    elif kind == "fact":
        value = math.factorial(n)
    else:
        value = pow(2, n, 10**9 + 7)
    digits = len(str(value))
    return f"{kind}({n}) has {digits} digits, ends with ...{value % 10**6:06d}"


async def main():
    requests = [("fib", 100), ("fact", 50), ("pow", 10**18), ("fib", 500), ("fact", 120)]
    results = await asyncio.gather(*(handle(r) for r in requests))
    for line in results:
        print(line)
    big = fib(400)
    print(f"{big:,}"[:40], big.bit_length(), hex(big)[:20])
    print(sum(fib(i) for i in range(200)) == fib(201) - 1)
    print(2**128 - 1, (2**128 - 1).to_bytes(16, "big").hex())
    print(divmod(math.factorial(30), 10**20), math.isqrt(10**50))


asyncio.run(main())
