# A retry decorator with backoff and a timing decorator on async functions,
# as tutorials write them (functools.wraps spelled out by hand).
import asyncio
import time


def copy_names(wrapper, wrapped):
    wrapper.__name__ = wrapped.__name__
    wrapper.__qualname__ = wrapped.__qualname__
    wrapper.__doc__ = wrapped.__doc__
    wrapper.__wrapped__ = wrapped
    return wrapper


def retry(times, delay=0.1):
    def decorator(func):
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except ConnectionError as e:
                    print(f"{func.__name__}: attempt {attempt} failed: {e}")
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay * 2 ** (attempt - 1))
        return copy_names(wrapper, func)
    return decorator


def timed(func):
    async def wrapper(*args, **kwargs):
        start = time.monotonic()
        try:
            return await func(*args, **kwargs)
        finally:
            print(f"{func.__name__} took {time.monotonic() - start:.2f}s")
    return wrapper


failures = {"fetch": 2}


@timed
@retry(3)
async def fetch(name):
    """Fetches a thing."""
    await asyncio.sleep(0.05)
    if failures["fetch"] > 0:
        failures["fetch"] -= 1
        raise ConnectionError(f"{name} unreachable")
    return f"data from {name}"


@retry(2, delay=0.5)
async def always_down():
    await asyncio.sleep(0.01)
    raise ConnectionError("down")


async def main():
    t1 = asyncio.create_task(fetch("db"))
    t2 = asyncio.create_task(always_down())
    print(await t1)
    try:
        await t2
    except ConnectionError as e:
        print("gave up:", e)
    print(fetch.__name__, always_down.__name__, always_down.__doc__)


asyncio.run(main())
