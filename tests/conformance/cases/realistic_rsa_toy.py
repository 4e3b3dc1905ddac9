"""Toy RSA with big integers: key generation from fixed primes, async signing requests."""
import asyncio
import hashlib
import math

P = 2**127 - 1
Q = 2**89 - 1
E = 65537


def make_keys():
    n = P * Q
    phi = (P - 1) * (Q - 1)
    assert math.gcd(E, phi) == 1
    d = pow(E, -1, phi)
    return n, d


def digest(message: str, n: int) -> int:
    h = int.from_bytes(hashlib.sha256(message.encode()).digest(), "big")
    return h % n


async def sign(message: str, n: int, d: int) -> tuple[str, int]:
    await asyncio.sleep(len(message) * 0.01)
    return message, pow(digest(message, n), d, n)


async def main():
    n, d = make_keys()
    print("modulus bits:", n.bit_length(), "digits:", len(str(n)))
    print("d mod 1e9 =", d % 10**9)
    messages = ["hello", "transfer 100", "ok"]
    for message, sig in await asyncio.gather(*(sign(m, n, d) for m in messages)):
        ok = pow(sig, E, n) == digest(message, n)
        print(f"{message!r}: sig={hex(sig)[:18]}... verified={ok}")
    tampered = pow(12345, d, n)
    print("tampered verifies:", pow(tampered, E, n) == digest("hello", n))
    print(f"{n:_x}"[:30], n.to_bytes(27, "big")[:4], int.from_bytes(n.to_bytes(27, "little"), "little") == n)


asyncio.run(main())
