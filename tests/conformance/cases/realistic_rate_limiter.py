"""A token-bucket rate limiter shared by many requests."""
import asyncio
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: int):
        self.rate = rate
        self.capacity = capacity
        self._tokens = float(capacity)
        self._updated = time.monotonic()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                self._refill()
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self.rate)

    async def __aenter__(self):
        await self.acquire()
        return self

    async def __aexit__(self, *exc_info):
        return False


async def request(i: int, bucket: TokenBucket, start: float) -> float:
    async with bucket:
        t = time.monotonic() - start
        print(f"request {i:2d} sent at {t:.2f}s")
    await asyncio.sleep(0.05)
    return t


async def main():
    bucket = TokenBucket(rate=4, capacity=2)
    start = time.monotonic()
    times = await asyncio.gather(*(request(i, bucket, start) for i in range(10)))
    gaps = [round(b - a, 2) for a, b in zip(times, times[1:])]
    print("gaps:", gaps)
    print(f"10 requests in {time.monotonic() - start:.2f}s")


if __name__ == "__main__":
    asyncio.run(main())
