"""Retry with exponential backoff (math.pow, math.floor) and wait_for."""
import asyncio
import math


class Flaky:
    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    async def call(self):
        self.calls += 1
        if self.calls <= self.failures:
            await asyncio.sleep(10)
        return f"ok on call {self.calls}"


async def retry(service, attempts=5, base=0.1):
    for attempt in range(attempts):
        try:
            return await asyncio.wait_for(service.call(), timeout=0.5)
        except asyncio.TimeoutError:
            backoff = math.floor(base * math.pow(2, attempt) * 1000) / 1000
            print(f"attempt {attempt} timed out, backing off {backoff}s")
            await asyncio.sleep(backoff)
    raise RuntimeError("gave up")


async def main():
    print(await retry(Flaky(3)))


asyncio.run(main())
