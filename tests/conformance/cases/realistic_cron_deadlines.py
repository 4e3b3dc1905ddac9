"""A cron-like runner: jobs due at wall-clock times, deadlines with
datetime arithmetic, a log line per run with the job's timestamp."""
import asyncio
import datetime
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(asctime)s | %(funcName)s | %(message)s")
log = logging.getLogger("cron")


def next_run(now, every, offset=datetime.timedelta(0)):
    epoch = datetime.datetime(1970, 1, 1)
    periods = (now - epoch - offset) // every + 1
    return epoch + offset + periods * every


async def job(name, every, runs, results, offset=datetime.timedelta(0)):
    for _ in range(runs):
        now = datetime.datetime.now()
        due = next_run(now, every, offset)
        await asyncio.sleep((due - now).total_seconds())
        late = datetime.datetime.now() - due
        log.info("%s ran at %s (late %s)", name, due.time().isoformat(timespec="milliseconds"), late)
        results.append((due, name))


async def main():
    results = []
    await asyncio.gather(
        job("flush", datetime.timedelta(seconds=1.5), 3, results),
        job("rotate", datetime.timedelta(seconds=2), 2, results, offset=datetime.timedelta(milliseconds=250)),
    )
    results.sort()
    for due, name in results:
        print(f"{due:%H:%M:%S.%f} {name}")
    end = datetime.datetime.now()
    print("finished", end, "weekday", end.strftime("%A"), "iso", end.isocalendar()[1])


asyncio.run(main())
