"""An event log of namedtuples: async producers, sorting, grouping and replacing records."""
import asyncio
from collections import Counter, defaultdict, namedtuple
from typing import NamedTuple

Event = namedtuple("Event", ["ts", "source", "level", "message"])


class Span(NamedTuple):
    start: float
    end: float
    label: str = "span"

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)

    def shifted(self, dt: float) -> "Span":
        return self._replace(start=self.start + dt, end=self.end + dt)


async def producer(source: str, log: list, levels: list[str]):
    loop = asyncio.get_running_loop()
    for i, level in enumerate(levels):
        await asyncio.sleep(0.05 * (i + 1))
        log.append(Event(round(loop.time(), 2), source, level, f"{source} step {i}"))


async def main():
    log: list[Event] = []
    await asyncio.gather(
        producer("db", log, ["INFO", "WARN", "INFO"]),
        producer("api", log, ["INFO", "ERROR"]),
    )
    log.sort()
    for e in log:
        print(e)
    by_level = defaultdict(list)
    for e in log:
        by_level[e.level].append(e.source)
    print(dict(by_level), Counter(e.level for e in log).most_common(1))
    first, *_, last = log
    ts, source, *rest = last
    print(first.ts, source, rest, last._fields, Event._make([0, "x", "DEBUG", "m"]))
    span = Span(first.ts, last.ts, "whole run")
    print(span, span.duration, span.shifted(1.0), Span(0, 1), Span._field_defaults)
    print(max(log, key=lambda e: (e.level == "ERROR", e.ts)).message, tuple(span) == (span.start, span.end, span.label))


asyncio.run(main())
