"""A scheduler of periodic jobs with a graceful shutdown."""
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("scheduler")


async def every(seconds: float, name: str, job, stop: asyncio.Event):
    runs = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            runs += 1
            log.info("running %s (#%d)", name, runs)
            await job()
    log.info("%s stopped after %d runs", name, runs)
    return runs


async def backup():
    await asyncio.sleep(0.2)


async def heartbeat():
    print("beat")


async def main():
    stop = asyncio.Event()
    jobs = [
        asyncio.create_task(every(1.0, "backup", backup, stop)),
        asyncio.create_task(every(0.4, "heartbeat", heartbeat, stop)),
    ]
    await asyncio.sleep(2.5)
    log.warning("shutting down")
    stop.set()
    print("runs:", await asyncio.gather(*jobs))


asyncio.run(main())
