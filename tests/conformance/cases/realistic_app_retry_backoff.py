"""Retry with exponential backoff, written as a parametrised decorator."""
import asyncio
import functools
import random


class TransientError(Exception):
    pass


def retry(attempts: int = 3, base: float = 0.1, factor: float = 2.0):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            delay = base
            for attempt in range(1, attempts + 1):
                try:
                    return await fn(*args, **kwargs)
                except TransientError as exc:
                    if attempt == attempts:
                        print(f"{fn.__name__}: giving up after {attempt} attempts")
                        raise
                    print(f"{fn.__name__}: attempt {attempt} failed ({exc}); retrying in {delay:.2f}s")
                    await asyncio.sleep(delay)
                    delay *= factor
        return wrapper
    return decorate


calls = {"flaky": 0}


@retry(attempts=4, base=0.05)
async def flaky_service(name: str) -> str:
    """Fails twice, then answers."""
    calls["flaky"] += 1
    await asyncio.sleep(0.01)
    if calls["flaky"] < 3:
        raise TransientError(f"503 from {name}")
    return f"{name}: ok"


@retry(attempts=2)
async def broken_service() -> str:
    await asyncio.sleep(0.02)
    raise TransientError("connection reset")


async def main():
    print(flaky_service.__name__, "-", flaky_service.__doc__)
    print(await flaky_service("inventory"))
    try:
        await broken_service()
    except TransientError as exc:
        print("caught:", repr(exc))
    loop = asyncio.get_running_loop()
    print(f"done at t={loop.time():.3f}")


asyncio.run(main())
