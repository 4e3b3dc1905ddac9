#!/usr/bin/env python3
"""Check that generated programs terminate cleanly under the oracle.

    python3 check_terminates.py [--seeds 0:500] [--timeout 60] [-j N]

Runs gen.py's program for every seed under the CPython oracle (--trace)
and reports seeds that time out or end with an exit status other than 0,
and seeds whose program text is not the same when generated twice.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(os.path.dirname(HERE), "cpython_oracle.py")
sys.path.insert(0, HERE)
import gen  # noqa: E402


def check_seed(seed, workdir, timeout):
    source = gen.generate(seed)
    if gen.generate(seed) != source:
        return f"seed {seed}: program text differs between two generations"
    path = os.path.join(workdir, f"seed{seed}.py")
    with open(path, "w") as f:
        f.write(source)
    try:
        proc = subprocess.run([sys.executable, ORACLE, path, "--trace"],
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"seed {seed}: did not finish within {timeout} s"
    if proc.returncode != 0:
        return f"seed {seed}: oracle exit status {proc.returncode}"
    return None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="0:500")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    opts = parser.parse_args(argv)
    first, last = (int(x) for x in opts.seeds.split(":"))
    seeds = range(first, last)
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        problems = [p for p in pool.map(
            lambda s: check_seed(s, workdir, opts.timeout), seeds) if p]
    for p in problems:
        print(p)
    print(f"{len(seeds) - len(problems)} of {len(seeds)} seeds terminate "
          f"with exit status 0")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
