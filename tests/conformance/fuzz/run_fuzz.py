#!/usr/bin/env python3
"""Differential fuzzing: loopscope against the CPython oracle.

    python3 run_fuzz.py --loopscope PATH/TO/loopscope --seeds A:B
        [--out DIR] [--timeout SECONDS] [--no-minimize]

For each seed A, A+1, ..., B-1 it generates a program with gen.py and runs
it on both sides, plain and with --trace. At the first seed where stdout or
the exit status differ it stops and writes a reproducer folder
DIR/seed-N/ (DIR defaults to /tmp/loopscope-fuzz):

    prog.py               the generated program
    oracle.out/.trace     the oracle's transcripts   (+ oracle.exit)
    loopscope.out/.trace  loopscope's transcripts    (+ loopscope.exit)
    min.py                the program after line-deletion minimisation
    min.oracle.trace, min.loopscope.trace   transcripts of min.py
    README.txt            the commands to reproduce

Exit status: 0 when every seed agrees, 1 at a divergence, 2 usage error.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(os.path.dirname(HERE), "cpython_oracle.py")
sys.path.insert(0, HERE)
import gen  # noqa: E402  (gen.py lives next to this file)

LEVELS = (("out", []), ("trace", ["--trace"]))


class Run:
    """stdout and exit status of one run (status None: timed out)."""

    def __init__(self, stdout, status):
        self.stdout = stdout
        self.status = status

    def same_as(self, other):
        return self.stdout == other.stdout and self.status == other.status


def run(argv, timeout):
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Run(e.stdout or b"", None)
    return Run(proc.stdout, proc.returncode)


def run_both(program_path, loopscope, timeout):
    """{level: (oracle Run, loopscope Run)} for both transcript levels."""
    results = {}
    for level, flags in LEVELS:
        oracle = run([sys.executable, ORACLE, program_path] + flags, timeout)
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

def still_diverges(lines, scratch, loopscope, timeout, oracle_status):
    """Whether the program made of `lines` still diverges in the same kind
    of run: the oracle must end as it did for the original program, so a
    deletion that merely breaks the program (NameError, compile error) is
    not taken."""
    write(scratch, "".join(lines))
    # Cheapest evidence first: one oracle run decides most candidates.
    for _, flags in LEVELS:
        oracle = run([sys.executable, ORACLE, scratch] + flags, timeout)
        if oracle.status != oracle_status:
            return False
        ours = run([loopscope, "run", scratch] + flags, timeout)
        if not oracle.same_as(ours):
            return True
    return False


def minimize(source, folder, loopscope, timeout, oracle_status, log):
    """Delete chunks of lines, then single lines, while the divergence
    persists. Returns the smallest program found."""
    lines = source.splitlines(keepends=True)
    scratch = os.path.join(folder, "trial.py")
    chunk = max(1, len(lines) // 2)
    while chunk >= 1:
        progress = False
        start = 0
        while start < len(lines):
            candidate = lines[:start] + lines[start + chunk:]
            if candidate and still_diverges(candidate, scratch, loopscope,
                                            timeout, oracle_status):
                lines = candidate
                progress = True
                log(f"  minimise: {len(lines)} lines left")
            else:
                start += chunk
        if not progress:
            chunk //= 2
    if os.path.exists(scratch):
        os.remove(scratch)
    return "".join(lines)


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
              f"  python3 {os.path.join(HERE, 'gen.py')} {seed} > prog.py\n"
              f"  python3 {ORACLE} prog.py --trace > oracle.trace\n"
              f"  {opts.loopscope} run prog.py --trace > loopscope.trace\n"
              f"  diff oracle.trace loopscope.trace\n")
    write(os.path.join(folder, "README.txt"), readme)
    return folder


def report_divergence(results):
    for level, (oracle, ours) in results.items():
        if oracle.same_as(ours):
            continue
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


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loopscope", required=True)
    parser.add_argument("--seeds", required=True, type=parse_seeds,
                        help="A:B runs seeds A..B-1")
    parser.add_argument("--out", default="/tmp/loopscope-fuzz",
                        help="where reproducers are written")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--no-minimize", action="store_true")
    opts = parser.parse_args(argv)
    if not os.access(opts.loopscope, os.X_OK):
        print(f"run_fuzz.py: error: not an executable: {opts.loopscope}",
              file=sys.stderr)
        return 2
    opts.loopscope = os.path.abspath(opts.loopscope)
    os.makedirs(opts.out, exist_ok=True)
    scratch = os.path.join(opts.out, "current.py")

    for seed in opts.seeds:
        source = gen.generate(seed)
        write(scratch, source)
        results = run_both(scratch, opts.loopscope, opts.timeout)
        if not diverges(results):
            print(f"seed {seed}: same")
            continue
        print(f"seed {seed}: DIVERGES")
        report_divergence(results)
        folder = save_reproducer(opts, seed, source, results)
        if not opts.no_minimize:
            small = minimize(source, folder, opts.loopscope, opts.timeout,
                             results["out"][0].status, print)
            min_path = os.path.join(folder, "min.py")
            write(min_path, small)
            min_results = run_both(min_path, opts.loopscope, opts.timeout)
            for level in ("trace",):
                oracle, ours = min_results[level]
                write(os.path.join(folder, f"min.oracle.{level}"),
                      oracle.stdout)
                write(os.path.join(folder, f"min.loopscope.{level}"),
                      ours.stdout)
        print(f"reproducer: {folder}")
        return 1
    print(f"all {len(opts.seeds)} seeds agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
