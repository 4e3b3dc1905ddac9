# A log pipeline over real files: producers append lines to per-service log
# files, a collector reads them back (in a worker thread), and the summary is
# written as JSON and read again. Files live in a temporary directory; only
# names relative to it are printed.
import asyncio
import json
import os
import tempfile
from pathlib import Path

SERVICES = ["api", "db", "cache"]


async def produce(base, service, count, delay):
    path = base / f"{service}.log"
    for i in range(count):
        await asyncio.sleep(delay)
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{asyncio.get_running_loop().time():.2f} {service} event-{i}\n")
    return path.name


def summarize(text):
    lines = text.splitlines()
    return {"lines": len(lines), "last": lines[-1].split()[-1] if lines else None}


async def collect(base):
    report = {}
    for name in sorted(os.listdir(base)):
        path = base / name
        text = await asyncio.to_thread(path.read_text, encoding="utf-8")
        report[path.stem] = summarize(text)
        print(f"collected {name}: {report[path.stem]}")
    return report


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        names = await asyncio.gather(*(produce(base, s, 3 + i, 0.5 * (i + 1)) for i, s in enumerate(SERVICES)))
        print("wrote", names)
        report = await collect(base)
        out = base / "summary.json"
        with open(out, "w") as f:
            json.dump(report, f, indent=1, sort_keys=True)
        print(out.name, os.path.getsize(out), "bytes")
        with out.open() as f:
            again = json.load(f)
        print(again == report, sorted(again))
        raw = (base / "api.log").read_bytes()
        print(len(raw), raw[:5], raw.count(b"\n"), sum(raw) % 256)
        first = raw.split(b"\n")[0].decode("ascii")
        print(repr(first))
    print("cleaned up:", not os.path.exists(tmp))


asyncio.run(main())
