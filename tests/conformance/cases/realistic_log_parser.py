"""Parse access logs with re, summarise with statistics, asynchronously per file."""
import asyncio
import re
import statistics
from collections import Counter

LOGS = {
    "web1.log": [
        '10.0.0.1 - - "GET /index.html" 200 512 0.031',
        '10.0.0.2 - - "GET /api/items" 200 2048 0.120',
        '10.0.0.1 - - "POST /api/items" 201 64 0.250',
        'garbage line',
    ],
    "web2.log": [
        '10.0.0.3 - - "GET /api/items/7" 404 0 0.012',
        '10.0.0.2 - - "GET /index.html" 200 512 0.029',
    ],
}
LINE = re.compile(r'(?P<ip>[\d.]+) - - "(?P<method>[A-Z]+) (?P<path>\S+)" (?P<status>\d{3}) (?P<size>\d+) (?P<secs>[\d.]+)')


async def parse_file(name: str):
    await asyncio.sleep(0.01 * len(LOGS[name]))
    rows = []
    for line in LOGS[name]:
        m = LINE.match(line)
        if not m:
            print(f"{name}: cannot parse {line!r}")
            continue
        rows.append(m.groupdict())
    return rows


async def main():
    per_file = await asyncio.gather(*(parse_file(n) for n in LOGS))
    rows = [r for rows in per_file for r in rows]
    times = [float(r["secs"]) for r in rows]
    print("requests:", len(rows))
    print("mean %.4f median %.4f stdev %.4f" % (statistics.mean(times), statistics.median(times), statistics.stdev(times)))
    print("status:", Counter(r["status"] for r in rows))
    print("paths:", sorted({re.sub(r"/\d+$", "/:id", r["path"]) for r in rows}))
    print(re.findall(r"\d+\.\d+\.\d+\.(\d+)", LOGS["web1.log"][0]), re.split(r"\s+", "a  b\tc"))


asyncio.run(main())
