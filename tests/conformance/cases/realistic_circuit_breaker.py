"""A circuit breaker around a flaky dependency."""
import asyncio
import time


class CircuitOpen(Exception):
    pass


class CircuitBreaker:
    def __init__(self, threshold=3, reset_after=1.0):
        self.threshold = threshold
        self.reset_after = reset_after
        self.failures = 0
        self.opened_at = None

    @property
    def state(self):
        if self.opened_at is None:
            return "closed"
        if time.monotonic() - self.opened_at >= self.reset_after:
            return "half-open"
        return "open"

    async def call(self, coro_fn, *args):
        if self.state == "open":
            raise CircuitOpen(f"open for {self.reset_after - (time.monotonic() - self.opened_at):.2f}s more")
        try:
            result = await coro_fn(*args)
        except Exception:
            self.failures += 1
            if self.failures >= self.threshold or self.state == "half-open":
                self.opened_at = time.monotonic()
            raise
        self.failures = 0
        self.opened_at = None
        return result


async def dependency(i):
    await asyncio.sleep(0.1)
    if 2 <= i <= 6:
        raise ConnectionError(f"call {i} failed")
    return f"call {i} ok"


async def main():
    breaker = CircuitBreaker()
    for i in range(12):
        try:
            print(await breaker.call(dependency, i))
        except CircuitOpen as e:
            print(f"call {i} rejected: circuit open ({e})")
            await asyncio.sleep(0.3)
        except ConnectionError as e:
            print(f"{e} [{breaker.state}]")


asyncio.run(main())
