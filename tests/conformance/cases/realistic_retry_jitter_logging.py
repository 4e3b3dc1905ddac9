import asyncio
import functools
import random
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)-8s %(name)s: %(message)s")
log = logging.getLogger("retry")


class TransientError(Exception):
    pass


class PermanentError(Exception):
    def __init__(self, code, reason):
        super().__init__(f"{code} {reason}")
        self.code = code
        self.reason = reason


def retry(attempts=4, base=0.1, cap=2.0, exceptions=(TransientError,)):
    def decorator(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return await fn(*args, **kwargs)
                except exceptions as exc:
                    if attempt == attempts:
                        log.error("giving up on %s after %d attempts", fn.__name__, attempt)
                        raise
                    delay = min(cap, base * 2 ** (attempt - 1))
                    delay = random.uniform(0, delay)
                    log.warning("%s failed (%s); retrying in %.3fs", fn.__name__, exc, delay)
                    await asyncio.sleep(delay)
        return wrapper
    return decorator


calls = {}


@retry(attempts=5)
async def flaky(name: str, fail_times: int):
    calls[name] = calls.get(name, 0) + 1
    if calls[name] <= fail_times:
        raise TransientError(f"{name} attempt {calls[name]}")
    return f"{name} ok after {calls[name]}"


@retry()
async def broken():
    raise PermanentError(503, "Service Unavailable")


async def main():
    random.seed(7)
    print(flaky.__name__, flaky.__wrapped__.__name__)
    results = await asyncio.gather(flaky("a", 2), flaky("b", 0), flaky("c", 4), return_exceptions=True)
    for r in results:
        print(" ->", r)
    try:
        await flaky("d", 10)
    except TransientError as e:
        print("final:", repr(e))
    try:
        await broken()
    except PermanentError as e:
        print("permanent:", e.code, e.reason, e.args)
    print("loop time: %.4f" % asyncio.get_running_loop().time())

asyncio.run(main())
