import asyncio
import random
import time
from dataclasses import dataclass, field


@dataclass
class RequestLog:
    url: str
    started: float
    finished: float = 0.0
    attempts: int = 1

    @property
    def elapsed(self) -> float:
        return self.finished - self.started


class RateLimiter:
    """Allow at most `rate` calls per `per` seconds (token bucket)."""

    def __init__(self, rate: int, per: float = 1.0):
        self.rate = rate
        self.per = per
        self._tokens = rate
        self._updated = time.monotonic()
        self._lock = asyncio.Lock()

    async def __aenter__(self):
        async with self._lock:
            while self._tokens < 1:
                self._refill()
                if self._tokens < 1:
                    await asyncio.sleep(self.per / self.rate)
            self._tokens -= 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False

    def _refill(self):
        now = time.monotonic()
        elapsed = now - self._updated
        self._tokens = min(self.rate, self._tokens + elapsed * self.rate / self.per)
        self._updated = now


async def fetch(url: str, limiter: RateLimiter, sem: asyncio.Semaphore, logs: list[RequestLog]):
    async with sem:
        async with limiter:
            start = asyncio.get_running_loop().time()
            entry = RequestLog(url, start)
            await asyncio.sleep(random.uniform(0.1, 0.5))
            entry.finished = asyncio.get_running_loop().time()
            logs.append(entry)
            return len(url)


async def main():
    random.seed(42)
    limiter = RateLimiter(3, 1.0)
    sem = asyncio.Semaphore(2)
    logs: list[RequestLog] = []
    urls = [f"https://example.com/page/{i}" for i in range(8)]
    results = await asyncio.gather(*(fetch(u, limiter, sem, logs) for u in urls))
    print("results:", results)
    for entry in sorted(logs, key=lambda e: e.started):
        print(f"{entry.url:<30} start={entry.started:6.3f} took={entry.elapsed:.3f}s")
    total = sum(e.elapsed for e in logs)
    print(f"total busy time: {total:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
