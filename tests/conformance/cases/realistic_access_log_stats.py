"""Access-log statistics: lines arrive from several servers, parsed with a
verbose regex and strptime, then bucketed per minute with datetime."""
import asyncio
import datetime
import re

PATTERN = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+-\s+-\s+
    \[(?P<when>[^\]]+)\]\s+
    "(?P<method>GET|POST|PUT|DELETE)\s+(?P<path>\S+)\s+HTTP/1\.[01]"\s+
    (?P<status>\d{3})\s+(?P<size>\d+|-)
""", re.VERBOSE)

LOGS = {
    "edge-1": [
        '10.0.0.1 - - [05/Jan/2024:10:30:15 +0000] "GET /index.html HTTP/1.1" 200 512',
        '10.0.0.2 - - [05/Jan/2024:10:30:59 +0000] "POST /api/login HTTP/1.1" 401 -',
        '10.0.0.1 - - [05/Jan/2024:10:31:02 +0000] "GET /img/logo.png HTTP/1.0" 304 0',
    ],
    "edge-2": [
        '192.168.1.9 - - [05/Jan/2024:10:31:40 +0000] "DELETE /api/item/7 HTTP/1.1" 500 77',
        'not a log line at all',
        '10.0.0.3 - - [05/Jan/2024:10:32:00 +0000] "PUT /api/item/7 HTTP/1.1" 201 12',
    ],
}


async def ship(server, lines, queue):
    for i, line in enumerate(lines):
        await asyncio.sleep(0.05 * (i + 1))
        await queue.put((server, line))


async def collect(queue, expected):
    per_minute = {}
    errors = []
    sizes = 0
    for _ in range(expected):
        server, line = await queue.get()
        m = PATTERN.match(line)
        if m is None:
            errors.append(f"{server}: cannot parse {line[:12]!r}...")
            continue
        when = datetime.datetime.strptime(m["when"], "%d/%b/%Y:%H:%M:%S %z")
        minute = when.replace(second=0).isoformat()
        bucket = per_minute.setdefault(minute, [])
        bucket.append((m["method"], m["path"], int(m["status"])))
        if m["size"] != "-":
            sizes += int(m["size"])
    return per_minute, errors, sizes


async def main():
    queue = asyncio.Queue()
    total = sum(len(v) for v in LOGS.values())
    shippers = [asyncio.create_task(ship(name, lines, queue)) for name, lines in LOGS.items()]
    per_minute, errors, sizes = await collect(queue, total)
    await asyncio.gather(*shippers)
    for key in sorted(per_minute):
        hits = per_minute[key]
        minute = datetime.datetime.fromisoformat(key)
        failed = [p for _, p, s in hits if s >= 400]
        print(minute.strftime("%Y-%m-%d %H:%M %Z"), len(hits), "hits", "failed:", failed)
    first = datetime.datetime.fromisoformat(min(per_minute))
    last = datetime.datetime.fromisoformat(max(per_minute))
    print("span", last - first, "bytes", sizes, "utc?", first.tzinfo == datetime.timezone.utc)
    print(first.isoformat(), repr(first.date()), first.timestamp())
    print(errors)


asyncio.run(main())
