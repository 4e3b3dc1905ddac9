#!/usr/bin/env python3
"""No text cut off: every lesson at each of its checkpoints, the knowledge
check, the Compare with CPython window, the keyboard shortcuts window and
the Open dialog, rendered by the real window at
1280x800 and 1920x1080, and checked by `loopscope drive`'s check-layout (a
window whose content does not fit with no scrollbar to reach it, a table
cell or header wider than its column). Needs xvfb-run; exits 77 (skipped)
without it.

Usage: layout_test.py --loopscope PATH
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "..", "..", "scenarios")


def checkpoints(path):
    with open(path) as f:
        return sum(1 for line in f if line.startswith("# checkpoint:"))


def script_for_every_lesson():
    lines = []
    for path in sorted(glob.glob(os.path.join(SCENARIOS, "*.py"))):
        lines.append(f"open {os.path.abspath(path)}")
        lines.append(f"expect file: {os.path.abspath(path)}")
        lines.append("check-layout")
        for i in range(1, checkpoints(path) + 1):
            lines += [f"checkpoint {i}", "check-layout"]
    lines += ["click Knowledge check", "key 2", "check-layout", "click Back to the lesson"]
    lines += ["compare", "check-layout"]  # the last lesson against CPython
    lines += ["key F1", "check-layout", "key F1"]
    lines += ["key Ctrl+O", "check-layout", "key Escape", "check-layout"]
    return "\n".join(lines) + "\n"


def drive(loopscope, tmp, script, size):
    path = os.path.join(tmp, "script.txt")
    with open(path, "w") as f:
        f.write(script)
    return subprocess.run(["xvfb-run", "-a", loopscope, "drive", path, "--size", size],
                          capture_output=True, text=True, timeout=600)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopscope", required=True)
    args = ap.parse_args()
    if not shutil.which("xvfb-run"):
        print("xvfb-run not found: skipped")
        return 77
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        script = script_for_every_lesson()
        for size in ("1280x800", "1920x1080"):
            p = drive(args.loopscope, tmp, script, size)
            ok = p.returncode == 0
            print(f"{'ok  ' if ok else 'FAIL'} every lesson's checkpoints, Knowledge check, Compare, F1, Open at {size}")
            if not ok:
                failed += 1
                print(p.stderr)
        # The check itself can fail: a window too small for its panels is
        # reported, with the window or column named.
        p = drive(args.loopscope, tmp, f"open {os.path.abspath(os.path.join(SCENARIOS, '03_sleep.py'))}\n"
                  "check-layout\n", "700x480")
        # (xvfb-run may replace the exit status with its own when its
        # cleanup races another instance: any failure, with the check's words.)
        ok = p.returncode != 0 and "cut off: " in p.stderr and "check-layout failed" in p.stderr
        print(f"{'ok  ' if ok else 'FAIL'} a 700x480 window is reported cut off")
        if not ok:
            failed += 1
            print(p.returncode, p.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
