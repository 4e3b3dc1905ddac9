import asyncio
import csv
import io
import os
import tempfile
from collections import defaultdict

RAW = '''date,region,amount,note
2024-01-03,north,120.50,
2024-01-04,south,80,"late, but paid"
2024-01-04,north,40.25,"said ""thanks"""
2024-01-05,east,15,
'''


async def load(text):
    await asyncio.sleep(0.1)
    return list(csv.DictReader(io.StringIO(text)))


async def main():
    rows = await load(RAW)
    print(rows[2])
    totals = defaultdict(float)
    for r in rows:
        totals[r["region"]] += float(r["amount"])
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["region", "total", "share"])
    w.writeheader()
    grand = sum(totals.values())
    for region, total in sorted(totals.items(), key=lambda kv: -kv[1]):
        w.writerow({"region": region, "total": round(total, 2), "share": f"{total / grand:.1%}"})
    print(out.getvalue(), end="")
    path = os.path.join(tempfile.mkdtemp(), "notes.csv")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerows([[r["date"], r["note"] or None] for r in rows])
    with open(path, newline="") as f:
        for line in csv.reader(f):
            print(line)
    print(repr(open(path).read()[:30]))

asyncio.run(main())
