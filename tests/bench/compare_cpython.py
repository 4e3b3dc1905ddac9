#!/usr/bin/env python3
"""Side-by-side benchmarks: loopscope against python3's own asyncio, in one run.

Prints, for each workload, the median of several runs on both sides and the
ratio loopscope/CPython (below 1.0 means loopscope is faster). Workloads:

  native   N C++ tasks x K sleep(0), trace on (loopscope_bench)  vs  the same in asyncio
  script   N script tasks x K sleep(0) (`loopscope run`)         vs  python3 running the file
  gather   100,000 script tasks gathered around one sleep        vs  python3 running the file

CPython's figure for `gather` excludes the real sleep itself (0.01 s).
"""
import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

YIELDS = """import asyncio

async def yielder(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[yielder({k}) for _ in range({n})])

asyncio.run(main())
"""

GATHER = """import asyncio

async def sleeper():
    await asyncio.sleep({delay})

async def main():
    await asyncio.gather(*[sleeper() for _ in range({n})])

asyncio.run(main())
"""


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cpython_native_steps_per_s(n, k, runs):
    async def yielder():
        for _ in range(k):
            await asyncio.sleep(0)

    async def main():
        await asyncio.gather(*[yielder() for _ in range(n)])

    t = median_time(lambda: asyncio.run(main()), runs)
    return n * (k + 1) / t


def loopscope_native_steps_per_s(build):
    out = subprocess.run([os.path.join(build, "loopscope_bench"), "--benchmark_filter=BM_TaskSteps/1000/100$",
                          "--benchmark_format=json", "--benchmark_repetitions=3",
                          "--benchmark_report_aggregates_only=true"],
                         check=True, capture_output=True, text=True).stdout
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            return b["steps/s"], b.get("bytes/event")
    raise SystemExit("loopscope_bench printed no median")


def time_command(cmd, runs):
    return median_time(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopscope", default="build/loopscope")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    build = os.path.dirname(os.path.abspath(args.loopscope))
    rows = []

    ours, per_event = loopscope_native_steps_per_s(build)
    theirs = cpython_native_steps_per_s(1000, 100, args.runs)
    rows.append(("native 1000 tasks x 100 sleep(0), steps/s", ours, theirs, theirs / ours))

    with tempfile.TemporaryDirectory() as tmp:
        yields = os.path.join(tmp, "yields.py")
        with open(yields, "w") as f:
            f.write(YIELDS.format(n=1000, k=100))
        ours_t = time_command([args.loopscope, "run", yields], args.runs)
        theirs_t = time_command([sys.executable, yields], args.runs)
        rows.append(("script 1000 tasks x 100 sleep(0), seconds", ours_t, theirs_t, ours_t / theirs_t))

        delay = 0.01
        gather = os.path.join(tmp, "gather.py")
        with open(gather, "w") as f:
            f.write(GATHER.format(n=100000, delay=delay))
        ours_t = time_command([args.loopscope, "run", gather], args.runs)
        theirs_t = time_command([sys.executable, gather], args.runs) - delay
        rows.append(("script 100,000 tasks gathered around one sleep, seconds", ours_t, theirs_t, ours_t / theirs_t))

    print(f"{'workload':58} {'loopscope':>12} {'cpython':>12} {'ratio':>7}")
    for name, a, b, r in rows:
        print(f"{name:58} {a:12.4g} {b:12.4g} {r:7.3f}")
    print("ratio = loopscope cost / CPython cost (below 1.0: loopscope is faster); medians of", args.runs, "runs")
    if per_event is not None:
        print(f"trace bytes per event: {per_event:.2f} (target <= 16)")


if __name__ == "__main__":
    main()
