"""A sliding-window rate limiter on datetime.now(), with a report per second."""
import asyncio
import datetime
import time

WINDOW = datetime.timedelta(seconds=1)
LIMIT = 3


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.hits = []

    def allow(self):
        now = datetime.datetime.now()
        self.hits = [t for t in self.hits if now - t < self.window]
        if len(self.hits) < self.limit:
            self.hits.append(now)
            return True
        return False

    def retry_after(self):
        oldest = min(self.hits)
        return (oldest + self.window - datetime.datetime.now()).total_seconds()


async def client(name, limiter, gap, count, log):
    for i in range(count):
        while not limiter.allow():
            wait = limiter.retry_after()
            log.append((datetime.datetime.now().strftime("%H:%M:%S.%f")[:-3], name, f"wait {wait:.2f}s"))
            await asyncio.sleep(wait)
        log.append((datetime.datetime.now().strftime("%H:%M:%S.%f")[:-3], name, f"call {i}"))
        await asyncio.sleep(gap)


async def main():
    start = datetime.datetime.now()
    print("start", start, start.isoformat(timespec="milliseconds"), time.strftime("%Y-%m-%d %H:%M:%S"))
    limiter = RateLimiter(LIMIT, WINDOW)
    log = []
    await asyncio.gather(client("a", limiter, 0.1, 4, log), client("b", limiter, 0.25, 3, log))
    for stamp, name, what in log:
        print(stamp, name, what)
    took = datetime.datetime.now() - start
    print("took", took, took.total_seconds(), repr(took))
    print("today", datetime.date.today(), time.ctime(), datetime.datetime.utcnow().strftime("%d %b %Y %H:%M"))


asyncio.run(main())
