"""A job scheduler that logs with timestamps: retries, timeouts, a summary."""
import asyncio
import logging

logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
    datefmt="%H:%M:%S",
)
log = logging.getLogger("sched")
jobs_log = logging.getLogger("sched.jobs")


async def flaky(attempt):
    await asyncio.sleep(0.7)
    if attempt < 2:
        raise ConnectionError("peer reset")
    return "synced"


async def slow(attempt):
    await asyncio.sleep(5)
    return "never"


async def quick(attempt):
    await asyncio.sleep(0.2)
    return 42


async def run_job(name, fn, retries=3, timeout=2.0):
    for attempt in range(retries):
        jobs_log.debug("%s: attempt %d", name, attempt + 1)
        try:
            result = await asyncio.wait_for(fn(attempt), timeout)
        except asyncio.TimeoutError:
            jobs_log.warning("%s: timed out after %.1fs", name, timeout)
        except ConnectionError as e:
            jobs_log.error("%s: %s (attempt %d)", name, e, attempt + 1)
            await asyncio.sleep(0.5 * (attempt + 1))
        else:
            jobs_log.info("%s: ok -> %r", name, result)
            return name, result
    log.critical("%s: gave up after %d attempts", name, retries)
    return name, None


async def main():
    log.info("starting %d jobs", 3)
    results = await asyncio.gather(
        run_job("sync", flaky),
        run_job("report", slow, retries=2),
        run_job("ping", quick),
    )
    for name, result in results:
        print(f"{name:>7}: {result}")
    log.info("done")


asyncio.run(main())
