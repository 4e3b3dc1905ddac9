#!/usr/bin/env python3
"""Check loopscope against the conformance corpus.

    python3 tests/conformance/check_corpus.py --loopscope PATH/TO/loopscope
        [--live] [--cases DIR] [--known FILE] [-j N] [--timeout SECONDS]
        [NAME ...]

For every case NAME.py of the corpus (or only the NAMEs given) it runs

    loopscope run NAME.py [ARGS]            -> compared with NAME.out
    loopscope run NAME.py --trace [ARGS]    -> compared with NAME.trace

and compares stdout and exit status (NAME.exit, 0 when absent) byte for
byte. ARGS come from NAME.args when it exists. With --live the CPython
oracle is also run on the fly, and a committed expected file that differs
from the oracle's output is reported as stale.

known_differences.txt (one case name per line, `#` starts a comment) lists
cases that are known to differ: such a case is reported as XFAIL while it
differs, and as an error once it matches ("remove it from
known_differences.txt"). Any other difference is a failure, shown with the
first differing line and 3 lines of context.

A case with a NAME.patch file (one line: the CPython patch release its
expected files were made with, e.g. `3.11.7`) depends on the 3.11 patch
release (gh-102780 changed asyncio.timeout/TaskGroup in 3.11.3). loopscope
is always compared with its expected files; with --live, when the local
python3 is another patch release, the oracle comparison of such a case is
not made and the case is reported as NOT CHECKED (never as passing).

The first line names the python3 the oracle runs on. The last line is the
summary `N passed, M failed` (`, K xfail`, `, K not checked` when K > 0);
the exit status is 1 if anything failed, 2 for a usage error.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "cpython_oracle.py")
# The oracle runs on this interpreter; its exact release decides which
# patch-dependent cases (NAME.patch) can be checked live.
PYTHON_VERSION = "%d.%d.%d" % sys.version_info[:3]
CONTEXT_LINES = 3


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def read_bytes(path, default=None):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def case_names(cases_dir):
    return sorted(f[:-3] for f in os.listdir(cases_dir) if f.endswith(".py"))


def read_known_differences(path):
    """Case names listed in known_differences.txt (comments stripped)."""
    names = []
    data = read_bytes(path, b"").decode("utf-8")
    for raw in data.splitlines():
        name = raw.split("#", 1)[0].strip()
        if name.endswith(".py"):
            name = name[:-3]
        if name:
            names.append(name)
    return names


class Case:
    """One corpus case and its expected results."""

    def __init__(self, cases_dir, name):
        self.name = name
        self.source = os.path.join(cases_dir, name + ".py")
        base = os.path.join(cases_dir, name)
        self.args = read_bytes(base + ".args", b"").decode().split()
        self.expected = {
            "plain": read_bytes(base + ".out", b""),
            "trace": read_bytes(base + ".trace", b""),
        }
        exit_text = read_bytes(base + ".exit", b"0").decode().strip()
        self.expected_exit = int(exit_text or "0")
        patch = read_bytes(base + ".patch")
        self.patch = patch.decode().strip() if patch is not None else None

    def checkable_live(self):
        """Whether the local oracle can reproduce the expected files."""
        return self.patch is None or self.patch == PYTHON_VERSION


# ---------------------------------------------------------------------------
# Running and comparing
# ---------------------------------------------------------------------------

class Outcome:
    """The result of one program run (stdout and exit status)."""

    def __init__(self, stdout, status, error=None):
        self.stdout = stdout
        self.status = status
        self.error = error  # set when the program could not be run


def run_command(argv, timeout):
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(b"", None, f"timed out after {timeout} s")
    except OSError as e:
        return Outcome(b"", None, f"cannot run {argv[0]}: {e.strerror}")
    return Outcome(proc.stdout, proc.returncode)


def level_flags(level):
    return ["--trace"] if level == "trace" else []


def run_loopscope(loopscope, case, level, timeout):
    argv = [loopscope, "run", case.source] + level_flags(level) + case.args
    return run_command(argv, timeout)


def run_oracle(case, level, timeout):
    argv = [sys.executable, ORACLE, case.source] + level_flags(level) \
        + case.args
    return run_command(argv, timeout)


def output_lines(data):
    text = data.decode("utf-8", "replace")
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()  # the empty piece after the final newline
    return lines


def first_difference(expected, actual):
    """Describe the first differing line, with context, or None."""
    if expected == actual:
        return None
    want, got = output_lines(expected), output_lines(actual)
    i = 0
    while i < len(want) and i < len(got) and want[i] == got[i]:
        i += 1
    if i == len(want) and i == len(got):
        return "the lines are equal but the final newline differs"
    lines = [f"first difference at line {i + 1}:"]
    for k in range(max(0, i - CONTEXT_LINES), i):
        lines.append(f"      {want[k]}")
    lines.append(f"    - {want[i] if i < len(want) else '(end of output)'}")
    lines.append(f"    + {got[i] if i < len(got) else '(end of output)'}")
    return "\n".join(lines)


def compare(case, level, outcome, expected_output):
    """Problems of one run compared with the expected output."""
    what = "loopscope run" + (" --trace" if level == "trace" else "")
    if outcome.error is not None:
        return [f"{what}: {outcome.error}"]
    problems = []
    if outcome.status != case.expected_exit:
        problems.append(f"{what}: exit status {outcome.status}, "
                        f"expected {case.expected_exit}")
    diff = first_difference(expected_output, outcome.stdout)
    if diff is not None:
        problems.append(f"{what}: output differs, {diff}")
    return problems


def check_live(case, timeout):
    """With --live: the committed expected files must match the oracle."""
    problems = []
    for level in ("plain", "trace"):
        outcome = run_oracle(case, level, timeout)
        name = case.name + (".out" if level == "plain" else ".trace")
        if outcome.error is not None:
            problems.append(f"oracle: {outcome.error}")
        elif outcome.stdout != case.expected[level] \
                or outcome.status != case.expected_exit:
            problems.append(f"{name} (or .exit) is stale: the oracle now "
                            f"prints something else; run regen.sh")
    return problems


def check_case(case, loopscope, live, timeout):
    """Return (stale problems, difference problems) of one case."""
    stale = check_live(case, timeout) \
        if live and case.checkable_live() else []
    differences = []
    for level in ("plain", "trace"):
        outcome = run_loopscope(loopscope, case, level, timeout)
        differences += compare(case, level, outcome, case.expected[level])
    return stale, differences


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------

def print_problems(header, problems):
    print(header)
    for p in problems:
        for line in p.split("\n"):
            print(f"  {line}")


def report_case(name, stale, differences, listed):
    """Print what is wrong with a case; return pass, fail or xfail."""
    if stale:
        print_problems(f"STALE {name}", stale)
    if differences and listed:
        print(f"XFAIL {name}")
        return "fail" if stale else "xfail"
    if differences:
        print_problems(f"FAIL {name}", differences)
        return "fail"
    if listed:
        print_problems(f"ERROR {name}", ["matches now: remove it from "
                                         "known_differences.txt"])
        return "fail"
    return "fail" if stale else "pass"


def report_unchecked(case):
    print(f"NOT CHECKED {case.name}: expected files made with CPython "
          f"{case.patch}, the oracle here runs on {PYTHON_VERSION} "
          f"(loopscope compared with the {case.patch} files only)")


def summary(passed, failed, xfail, unchecked=0):
    text = f"{passed} passed, {failed} failed"
    if xfail:
        text += f", {xfail} xfail"
    if unchecked:
        text += f", {unchecked} not checked"
    return text


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare loopscope with the conformance corpus.")
    parser.add_argument("--loopscope", required=True,
                        help="path of the loopscope executable")
    parser.add_argument("--live", action="store_true",
                        help="also run the oracle and report stale "
                             "expected files")
    parser.add_argument("--cases", default=os.path.join(HERE, "cases"),
                        help="corpus directory (default: cases/ here)")
    parser.add_argument("--known",
                        default=os.path.join(HERE, "known_differences.txt"),
                        help="list of known differences")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="cases checked in parallel")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds allowed per run")
    parser.add_argument("names", nargs="*", help="only these cases")
    return parser.parse_args(argv)


def main(argv):
    opts = parse_args(argv)
    if not os.path.isfile(opts.loopscope) or \
            not os.access(opts.loopscope, os.X_OK):
        print(f"check_corpus.py: error: not an executable: {opts.loopscope}",
              file=sys.stderr)
        return 2
    loopscope = os.path.abspath(opts.loopscope)
    cases_dir = os.path.abspath(opts.cases)
    all_names = case_names(cases_dir)
    names = [n[:-3] if n.endswith(".py") else n for n in opts.names] \
        or all_names
    unknown = [n for n in names if n not in all_names]
    if unknown:
        print(f"check_corpus.py: error: no such case: {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    known = read_known_differences(opts.known)

    print(f"oracle: CPython {PYTHON_VERSION} ({sys.executable})")
    passed = failed = xfail = unchecked = 0
    for name in known:
        if name not in all_names:
            print_problems(f"ERROR {name}",
                           ["listed in known_differences.txt but there is "
                            "no such case"])
            failed += 1

    cases = [Case(cases_dir, n) for n in names]
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        results = pool.map(
            lambda c: check_case(c, loopscope, opts.live, opts.timeout),
            cases)
        for case, (stale, differences) in zip(cases, results):
            verdict = report_case(case.name, stale, differences,
                                  case.name in known)
            if verdict == "pass" and opts.live and not case.checkable_live():
                report_unchecked(case)
                verdict = "unchecked"
            unchecked += verdict == "unchecked"
            passed += verdict == "pass"
            failed += verdict == "fail"
            xfail += verdict == "xfail"
    print(summary(passed, failed, xfail, unchecked))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
