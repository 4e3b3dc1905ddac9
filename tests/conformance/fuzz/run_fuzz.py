#!/usr/bin/env python3
"""Differential fuzzing: loopscope against the CPython oracle.

    python3 run_fuzz.py --loopscope PATH/TO/loopscope --seeds A:B
        [--out DIR] [--timeout SECONDS] [--no-minimize] [-j JOBS] [--keep-going] [--gc]

For each seed A, A+1, ..., B-1 it generates a program with gen.py and runs
it on both sides: the oracle once with --trace (its plain transcript is
that without the event lines), loopscope plain and with --trace. A run
that times out on either side is a failure, even when both time out. At the
first failing seed it stops (with --keep-going: goes on, and reports every
failing seed at the end) and writes a reproducer folder DIR/seed-N/
(DIR defaults to /tmp/loopscope-fuzz):

    prog.py               the generated program
    oracle.out/.trace     the oracle's transcripts   (+ oracle.exit)
    loopscope.out/.trace  loopscope's transcripts    (+ loopscope.exit)
    min.py                the program after minimisation (minimize.py)
    min.oracle.trace, min.loopscope.trace   transcripts of min.py
    README.txt            the commands to reproduce

Exit status: 0 when every seed agrees, 1 at a divergence, 2 usage error.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(os.path.dirname(HERE), "cpython_oracle.py")
sys.path.insert(0, HERE)
import gen  # noqa: E402  (gen.py lives next to this file)
import minimize as shrink  # noqa: E402

LEVELS = (("out", []), ("trace", ["--trace"]))


class Run:
    """stdout and exit status of one run (status None: timed out)."""

    def __init__(self, stdout, status):
        self.stdout = stdout
        self.status = status

    def same_as(self, other):
        """Equal output and status; a timed-out run equals nothing."""
        return (self.status is not None and other.status is not None
                and self.stdout == other.stdout and self.status == other.status)


def run(argv, timeout):
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Run(e.stdout or b"", None)
    return Run(proc.stdout, proc.returncode)


def is_event(line):
    """An EVENT line of a --trace transcript: `[t] ~ ...`."""
    head, _, rest = line.partition(b"] ")
    return head.startswith(b"[") and rest.startswith(b"~ ")


def without_events(trace):
    return b"".join(line for line in trace.splitlines(keepends=True)
                    if not is_event(line))


def run_both(program_path, loopscope, timeout):
    """{level: (oracle Run, loopscope Run)} for both transcript levels."""
    trace = run([sys.executable, ORACLE, program_path, "--trace"], timeout)
    plain = Run(without_events(trace.stdout), trace.status)
    results = {}
    for (level, flags), oracle in zip(LEVELS, (plain, trace)):
        ours = run([loopscope, "run", program_path] + flags, timeout)
        results[level] = (oracle, ours)
    return results


def diverges(results):
    return any(not o.same_as(l) for o, l in results.values())


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def save_runs(folder, prefix, results, levels=("out", "trace")):
    for level in levels:
        oracle, ours = results[level]
        write(os.path.join(folder, f"{prefix}oracle.{level}"), oracle.stdout)
        write(os.path.join(folder, f"{prefix}loopscope.{level}"), ours.stdout)
    oracle, ours = results["out"]
    write(os.path.join(folder, f"{prefix}oracle.exit"), f"{oracle.status}\n")
    write(os.path.join(folder, f"{prefix}loopscope.exit"), f"{ours.status}\n")


# ---------------------------------------------------------------------------
# Minimisation
# ---------------------------------------------------------------------------

def still_diverges(source, scratch, loopscope, timeout, oracle_status):
    """Whether `source` still diverges in the same kind of run: the oracle
    must end as it did for the original program, so a deletion that merely
    breaks the program (NameError, compile error) is not taken."""
    write(scratch, source)
    oracle = run([sys.executable, ORACLE, scratch, "--trace"], timeout)
    if oracle.status != oracle_status or oracle.status is None:
        return False
    plain = Run(without_events(oracle.stdout), oracle.status)
    for (_, flags), want in zip(LEVELS, (plain, oracle)):
        ours = run([loopscope, "run", scratch] + flags, timeout)
        if not want.same_as(ours):
            return True
    return False


def minimize(source, folder, loopscope, timeout, oracle_status, log):
    scratch = os.path.join(folder, "trial.py")
    small = shrink.minimize(
        source, lambda text: still_diverges(text, scratch, loopscope, timeout, oracle_status), log)
    if os.path.exists(scratch):
        os.remove(scratch)
    return small


# ---------------------------------------------------------------------------
# Main loop
# ---------------------------------------------------------------------------

def parse_seeds(text):
    try:
        first, last = (int(x) for x in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError("SEEDS must look like A:B")
    if last <= first:
        raise argparse.ArgumentTypeError("SEEDS A:B needs A < B")
    return range(first, last)


def save_reproducer(opts, seed, source, results):
    folder = os.path.join(opts.out, f"seed-{seed}")
    os.makedirs(folder, exist_ok=True)
    prog = os.path.join(folder, "prog.py")
    write(prog, source)
    save_runs(folder, "", results)
    readme = (f"Divergence for fuzz seed {seed}.\n\n"
              f"  python3 {os.path.join(HERE, 'gen.py')} {seed}{' --gc' if opts.gc else ''} > prog.py\n"
              f"  python3 {ORACLE} prog.py --trace > oracle.trace\n"
              f"  {opts.loopscope} run prog.py --trace > loopscope.trace\n"
              f"  diff oracle.trace loopscope.trace\n")
    write(os.path.join(folder, "README.txt"), readme)
    return folder


def report_divergence(results):
    for level, (oracle, ours) in results.items():
        if oracle.same_as(ours):
            continue
        if oracle.status is None or ours.status is None:
            print(f"  {level}: timed out: oracle={oracle.status is None} "
                  f"loopscope={ours.status is None}")
        if oracle.status != ours.status:
            print(f"  {level}: exit status oracle={oracle.status} "
                  f"loopscope={ours.status}")
        a = oracle.stdout.decode("utf-8", "replace").splitlines()
        b = ours.stdout.decode("utf-8", "replace").splitlines()
        i = 0
        while i < len(a) and i < len(b) and a[i] == b[i]:
            i += 1
        if i < len(a) or i < len(b):
            print(f"  {level}: first difference at line {i + 1}")
            print(f"    oracle:    {a[i] if i < len(a) else '(end)'}")
            print(f"    loopscope: {b[i] if i < len(b) else '(end)'}")


def check_seed(seed, opts):
    """(seed, source, results) for one generated program."""
    source = gen.generate(seed, opts.gc)
    path = os.path.join(opts.out, f"current-{seed}.py")
    write(path, source)
    try:
        return seed, source, run_both(path, opts.loopscope, opts.timeout)
    finally:
        os.remove(path)


def seed_results(opts):
    """check_seed's answers in seed order, `opts.jobs` seeds at a time."""
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        pending = {}
        seeds = iter(opts.seeds)
        for seed in seeds:
            pending[seed] = pool.submit(check_seed, seed, opts)
            if len(pending) >= 2 * opts.jobs:
                break
        for seed in opts.seeds:
            answer = pending.pop(seed).result()
            nxt = next(seeds, None)
            if nxt is not None:
                pending[nxt] = pool.submit(check_seed, nxt, opts)
            yield answer
            # A divergence ends the walk: the caller stops iterating, the
            # seeds already submitted finish and are dropped.


def handle_divergence(opts, seed, source, results):
    print(f"seed {seed}: DIVERGES")
    report_divergence(results)
    folder = save_reproducer(opts, seed, source, results)
    if not opts.no_minimize:
        small = minimize(source, folder, opts.loopscope, opts.timeout,
                         results["out"][0].status, print)
        min_path = os.path.join(folder, "min.py")
        write(min_path, small)
        min_results = run_both(min_path, opts.loopscope, opts.timeout)
        oracle, ours = min_results["trace"]
        write(os.path.join(folder, "min.oracle.trace"), oracle.stdout)
        write(os.path.join(folder, "min.loopscope.trace"), ours.stdout)
        print(f"minimised to {len(small.splitlines())} lines: {min_path}")
    print(f"reproducer: {folder}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loopscope", required=True)
    parser.add_argument("--seeds", required=True, type=parse_seeds,
                        help="A:B runs seeds A..B-1")
    parser.add_argument("--out", default="/tmp/loopscope-fuzz",
                        help="where reproducers are written")
    parser.add_argument("--timeout", type=float, default=30,
                        help="seconds per run; a run that takes longer fails")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only divergences and the summary")
    parser.add_argument("--no-minimize", action="store_true")
    parser.add_argument("--gc", action="store_true",
                        help="also generate what object deaths report (gen.py --gc)")
    parser.add_argument("--keep-going", action="store_true",
                        help="go on after a divergence; exit 1 at the end")
    opts = parser.parse_args(argv)
    if not os.access(opts.loopscope, os.X_OK):
        print(f"run_fuzz.py: error: not an executable: {opts.loopscope}",
              file=sys.stderr)
        return 2
    opts.loopscope = os.path.abspath(opts.loopscope)
    os.makedirs(opts.out, exist_ok=True)

    failing = []
    for seed, source, results in seed_results(opts):
        if not diverges(results):
            if not opts.quiet:
                print(f"seed {seed}: same")
            continue
        handle_divergence(opts, seed, source, results)
        failing.append(seed)
        if not opts.keep_going:
            return 1
    if failing:
        print(f"{len(failing)} of {len(opts.seeds)} seeds diverge: "
              + " ".join(str(s) for s in failing))
        return 1
    print(f"all {len(opts.seeds)} seeds agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
