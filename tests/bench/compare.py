#!/usr/bin/env python3
"""loopscope against real event loops, whole processes, in one run.

Every workload is an ordinary asyncio program (tests/bench/workloads/*.py;
its sizes are top-level assignments such as `N = 10000`, which this script
rewrites into a copy for each size). Each is run as a user runs
it, as a whole process, by every peer found on this machine:

  loopscope  `loopscope run FILE` (the trace is recorded, as always)
  cpython    the oracle's interpreter (the python3 on PATH)
  debian     Debian's /usr/bin/python3, when it is another interpreter
  uvloop     a python3 that can import uvloop, with uvloop installed as
             the event loop policy

The peers are paired and alternate: in each round every peer runs the same
program once, in a rotating order, so that a slow moment of a shared
machine hits every peer alike. The figures are medians over the rounds.

Two figures per workload and peer:
  whole    the wall time of the whole process, start-up included
  steady   the cost per unit of work with start-up removed: the workload is
           run at two sizes and the difference in time is divided by the
           difference in work (for example steps)
and the peak resident memory of the process (ru_maxrss of the child).

Ratios are loopscope / peer: below 1 means loopscope is faster or smaller.

    python3 tests/bench/compare.py --loopscope build/loopscope [--rounds 5] [--quick]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "workloads")

# name, file, the two sizes (environment), the work each size does, the unit.
# The work count is what `steady` divides by.
CASES = [
    ("sleep0: 10,000 tasks x sleep(0)", "yields.py",
     ({"N": "10000", "K": "50"}, 10000 * 50), ({"N": "10000", "K": "100"}, 10000 * 100), "step"),
    ("queue: 4 producers x 50,000 items, 8 consumers, maxsize 100", "queue.py",
     ({"ITEMS": "25000"}, 4 * 25000), ({"ITEMS": "50000"}, 4 * 50000), "item"),
    ("gather: tasks around one sleep", "gather.py",
     ({"N": "50000"}, 50000), ({"N": "100000"}, 100000), "task"),
    ("cpu: loops, arithmetic, strings, dicts, method calls between awaits", "cpu.py",
     ({"ROUNDS": "100"}, 100), ({"ROUNDS": "200"}, 200), "round"),
    ("event wait: suspended tasks (memory)", "event_wait.py",
     ({"N": "20000"}, 20000), ({"N": "100000"}, 100000), "task"),
]
QUICK_SCALE = 10  # --quick: every size divided by this

UVLOOP_RUNNER = ("import runpy, sys, uvloop; uvloop.install(); "
                 "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def python_with(module, candidates):
    for exe in candidates:
        if exe and shutil.which(exe):
            r = subprocess.run([exe, "-c", f"import {module}"], capture_output=True)
            if r.returncode == 0:
                return exe
    return None


def peers(loopscope):
    out = [("loopscope", lambda f: [loopscope, "run", f])]
    cpython = shutil.which("python3") or sys.executable
    out.append(("cpython", lambda f: [cpython, f]))
    debian = "/usr/bin/python3"
    if os.path.exists(debian) and os.path.realpath(debian) != os.path.realpath(cpython):
        out.append(("debian", lambda f: [debian, f]))
    uv = python_with("uvloop", [cpython, debian])
    if uv:
        out.append(("uvloop", lambda f: [uv, "-c", UVLOOP_RUNNER, f]))
    return out


def version(cmd):
    if cmd[0].endswith("loopscope"):
        return "loopscope (this build)"
    r = subprocess.run([cmd[0], "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True)
    return f"{cmd[0]} {r.stdout.strip()}"


def sized_copy(path, sizes, folder):
    """A copy of the workload with its size assignments set to `sizes`."""
    with open(path) as f:
        text = f.read()
    for name, value in sizes.items():
        text, n = re.subn(rf"^{name} = \d+$", f"{name} = {value}", text, flags=re.M)
        if n != 1:
            raise SystemExit(f"{path}: no line '{name} = <number>' to size")
    out = os.path.join(folder, "_".join(f"{k}{v}" for k, v in sizes.items()) + "_" + os.path.basename(path))
    with open(out, "w") as f:
        f.write(text)
    return out


def run_measured(cmd):
    """Wall time (s), peak RSS (KiB, from wait4) and stdout of one whole process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}): {err.decode()[-400:]}")
    return elapsed, usage.ru_maxrss, out.decode()


def program_output(text, is_loopscope):
    """What the program printed, without loopscope's time stamps."""
    lines = text.splitlines()
    if is_loopscope:
        lines = [l.split("] ", 1)[1] if l.startswith("[") and "] " in l else l for l in lines]
    return lines


def measure(case, ps, rounds, scale, folder):
    title, fname, small, large, unit = case
    path = os.path.join(WORKLOADS, fname)
    sizes = []
    for env, work in (small, large):
        env = {k: str(max(1, int(v) // scale)) for k, v in env.items()}
        sizes.append((sized_copy(path, env, folder), work / scale, env))
    times = {name: [[], []] for name, _ in ps}
    rss = {name: [[], []] for name, _ in ps}
    outputs = {}
    for r in range(rounds):
        order = ps[r % len(ps):] + ps[:r % len(ps)]
        for si, (copy, _, _) in enumerate(sizes):
            for name, make in order:
                t, m, out = run_measured(make(copy))
                times[name][si].append(t)
                rss[name][si].append(m)
                outputs.setdefault((name, si), program_output(out, name == "loopscope"))
    # Every peer printed the same thing (the workloads print a check line).
    for si in range(2):
        ref = outputs[("cpython", si)]
        for name, _ in ps:
            if outputs[(name, si)] != ref:
                raise SystemExit(f"{fname}: {name} printed {outputs[(name, si)][:3]}, cpython {ref[:3]}")
    result = {}
    for name, _ in ps:
        small_t = statistics.median(times[name][0])
        large_t = statistics.median(times[name][1])
        steady = (large_t - small_t) / (sizes[1][1] - sizes[0][1])
        result[name] = {
            "whole": large_t,
            "steady": steady,
            "rss_small": statistics.median(rss[name][0]),
            "rss_large": statistics.median(rss[name][1]),
            "per_unit_bytes": (statistics.median(rss[name][1]) - statistics.median(rss[name][0])) * 1024
                              / (sizes[1][1] - sizes[0][1]),
        }
    return title, unit, sizes, result


def fmt_time(s):
    return f"{s * 1e3:.0f} ms" if s >= 0.01 else f"{s * 1e3:.2f} ms"


def fmt_unit(s):
    if s <= 0:
        return "noise"  # the larger size was not slower: the machine was busy
    return f"{s * 1e9:.0f} ns" if s < 1e-5 else f"{s * 1e6:.1f} us"


def report(title, unit, sizes, result, names):
    print(f"\n## {title}")
    print(f"sizes: {sizes[0][2]} and {sizes[1][2]}; whole process at the larger size")
    print(f"{'peer':<10} {'whole':>10} {'steady/' + unit:>14} {'peak RSS':>10} {'RSS/' + unit:>10}"
          f" {'whole ratio':>12} {'steady ratio':>13} {'RSS ratio':>10}")
    ls = result["loopscope"]
    for name in names:
        r = result[name]
        ratio = lambda a, b: f"{a / b:.2f}" if b > 0 else "-"
        print(f"{name:<10} {fmt_time(r['whole']):>10} {fmt_unit(r['steady']):>14} {r['rss_large'] / 1024:>8.0f} MiB"
              f" {r['per_unit_bytes']:>8.0f} B"
              f" {ratio(ls['whole'], r['whole']):>12} {ratio(ls['steady'], r['steady']):>13}"
              f" {ratio(ls['rss_large'], r['rss_large']):>10}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--loopscope", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="a tenth of each size and 3 rounds (a smoke test)")
    ap.add_argument("--only", help="run only the workloads whose file name contains this")
    args = ap.parse_args()
    ps = peers(os.path.abspath(args.loopscope))
    rounds = 3 if args.quick else args.rounds
    print("# loopscope vs real event loops (whole processes, paired and alternating)")
    print(f"rounds: {rounds}; machine: {os.cpu_count()} cores, {os.uname().machine}, {os.uname().release}")
    for name, make in ps:
        print(f"  {name:<10} {version(make('x'))}")
    names = [n for n, _ in ps]
    for case in CASES:
        if args.only and args.only not in case[1]:
            continue
        scale = QUICK_SCALE if args.quick else 1
        with tempfile.TemporaryDirectory() as folder:
            title, unit, sizes, result = measure(case, ps, rounds, scale, folder)
        report(title, unit, sizes, result, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
