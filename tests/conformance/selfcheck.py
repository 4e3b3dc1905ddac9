#!/usr/bin/env python3
"""Self-checks of the CPython oracle over the conformance corpus.

For every case it verifies that:
  * the committed NAME.out / NAME.trace / NAME.exit match a fresh run
    (so regen.sh output is up to date and the oracle is deterministic);
  * running from another working directory gives the same bytes;
  * the plain transcript is the --trace transcript without its EVENT lines;
  * the uninstrumented runs (--bare: pure-Python asyncio without the
    Future/Task hooks; --c-accel: the C accelerator) print the same plain
    transcript, i.e. instrumenting changes no scheduling and no object
    lifetime.  Cases listed in SELFCHECK_SKIP_ACCEL are exempt from the
    --c-accel comparison (reason given there).

    python3 tests/conformance/selfcheck.py [--cases DIR] [NAME ...]

A case with NAME.patch (the CPython release its expected files were made
with) is reported as NOT CHECKED when this python3 is another release.
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "cpython_oracle.py")

# Cases whose plain transcript legitimately differs under --c-accel.
SELFCHECK_SKIP_ACCEL = {
}


def run_oracle(case, extra, cwd):
    args = [sys.executable, ORACLE, case] + extra
    proc = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
    return proc.returncode, proc.stdout


def read(path, default=b""):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def is_event(line):
    """`[TIME] ~ ...`; program lines starting with ~ are escaped as `\~`."""
    parts = line.split(b"] ", 1)
    return len(parts) == 2 and parts[1].startswith(b"~ ")


def without_events(trace):
    return b"".join(line for line in trace.splitlines(keepends=True)
                    if not is_event(line))


PYTHON_VERSION = "%d.%d.%d" % sys.version_info[:3]


def patch_release(cases_dir, name):
    """The CPython release NAME.patch names, or None (no such file)."""
    data = read(os.path.join(cases_dir, name + ".patch"), None)
    return None if data is None else data.decode().strip()


def check_case(cases_dir, name, elsewhere):
    problems = []
    src = os.path.join(cases_dir, name + ".py")
    extra = read(os.path.join(cases_dir, name + ".args")).decode().split()
    want_out = read(os.path.join(cases_dir, name + ".out"))
    want_trace = read(os.path.join(cases_dir, name + ".trace"))
    want_exit = int(read(os.path.join(cases_dir, name + ".exit"), b"0"))

    code, out = run_oracle(src, extra, HERE)
    tcode, trace = run_oracle(src, ["--trace"] + extra, elsewhere)
    if (code, out) != (want_exit, want_out):
        problems.append("plain transcript or exit differs from NAME.out/.exit")
    if (tcode, trace) != (want_exit, want_trace):
        problems.append("--trace (run from another directory) differs "
                        "from NAME.trace")
    if without_events(trace) != out:
        problems.append("plain != trace without EVENT lines")
    bcode, bare = run_oracle(src, ["--bare"] + extra, HERE)
    if (bcode, bare) != (code, out):
        problems.append("--bare differs (instrumentation changes the run)")
    if name not in SELFCHECK_SKIP_ACCEL:
        ccode, accel = run_oracle(src, ["--c-accel"] + extra, HERE)
        if (ccode, accel) != (code, out):
            problems.append("--c-accel differs")
    return problems


def main(argv):
    cases_dir = os.path.join(HERE, "cases")
    names = []
    i = 0
    while i < len(argv):
        if argv[i] == "--cases":
            cases_dir = argv[i + 1]
            i += 2
            continue
        names.append(argv[i][:-3] if argv[i].endswith(".py") else argv[i])
        i += 1
    if not names:
        names = sorted(f[:-3] for f in os.listdir(cases_dir)
                       if f.endswith(".py"))
    failed = unchecked = 0
    print(f"oracle: CPython {PYTHON_VERSION} ({sys.executable})")
    with tempfile.TemporaryDirectory() as elsewhere:
        for name in names:
            patch = patch_release(os.path.abspath(cases_dir), name)
            if patch is not None and patch != PYTHON_VERSION:
                print(f"{name}: NOT CHECKED (expected files made with "
                      f"CPython {patch})")
                unchecked += 1
                continue
            problems = check_case(os.path.abspath(cases_dir), name, elsewhere)
            for p in problems:
                print(f"{name}: {p}")
            failed += bool(problems)
    text = f"{len(names) - failed - unchecked} passed, {failed} failed"
    if unchecked:
        text += f", {unchecked} not checked"
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
