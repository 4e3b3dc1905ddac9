#!/usr/bin/env python3
"""The real window, driven: each test writes a script of actions for
`loopscope drive` (keys, drops, typed paths and files changed on disk, sent
through the window's own input callbacks) and checks the text dump of what
the window shows. Needs xvfb-run; exits 77 (skipped) without it.

Usage: drive_test.py --loopscope PATH
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

LOOPSCOPE = None
TMP = None

TWO_SLEEPS = """import asyncio

async def worker(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    print(name, "done")

async def main():
    await asyncio.gather(worker("a", 1), worker("b", 2))

asyncio.run(main())
"""


def write(name, text):
    path = os.path.join(TMP, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def drive(script, *args):
    path = write("script.txt", script)
    p = subprocess.run(["xvfb-run", "-a", LOOPSCOPE, "drive", path, *args],
                       capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p.stdout.split("--\n")[:-1]  # one text per dump


def field(dump, name):
    m = re.search(rf"^{name}:(.*)$", dump, re.M)
    return m.group(1).strip() if m else None


def test_open_through_the_browser_with_the_keyboard():
    folder = os.path.join(TMP, "browse")
    write("browse/a.py", TWO_SLEEPS)
    write("browse/b.py", TWO_SLEEPS.replace('"b", 2', '"b", 3'))
    write("browse/readme.txt", "not listed")
    dumps = drive(f"key Ctrl+O\ntype {folder}/\nkey Enter\ndump\nkey Down\nkey Enter\ndump\n")
    listing, opened = dumps
    assert "dialog: open" in listing, listing
    assert "  > a.py\n    b.py\n" in listing, listing
    assert "readme.txt" not in listing, listing
    assert field(opened, "file") == os.path.join(folder, "b.py"), opened
    assert "dialog: open" not in opened, opened


def test_a_missing_file_typed_in_the_browser_says_so():
    missing = os.path.join(TMP, "nowhere", "gone.py")
    (d,) = drive(f"open {missing}\ndump\n", "--open", "demo")
    assert f"message: There is no file or folder {missing}" in d, d
    assert field(d, "shown") == "demo", d


def test_a_dropped_file_opens():
    path = write("dropped.py", TWO_SLEEPS)
    (d,) = drive(f"drop {path}\ndump\n", "--open", "demo")
    assert field(d, "file") == path, d
    assert field(d, "stale") == "no", d


def test_a_change_on_disk_reloads_at_the_same_step():
    path = write("watched.py", TWO_SLEEPS)
    before, after = drive(f"key Right 6\ndump\nwrite {path}\n{TWO_SLEEPS}# a comment\nEOF\nwait-reload\ndump\n",
                          "--open", path)
    step = int(field(before, "step").split()[0])
    assert step > 0, before
    assert field(after, "step") == field(before, "step"), after
    assert f"the same up to step {step}." in field(after, "notice"), after


def test_a_syntax_error_then_its_fix():
    path = write("fixme.py", TWO_SLEEPS)
    broken = TWO_SLEEPS.replace("async def main():", "async def main()")
    start, bad, good = drive(f"key Right 4\ndump\nwrite {path}\n{broken}EOF\nwait-reload\ndump\n"
                      f"write {path}\n{TWO_SLEEPS}EOF\nwait-reload\ndump\n", "--open", path)
    assert field(bad, "stale") == "yes", bad
    assert "error=8" in field(bad, "marked"), bad
    assert f"| {path}:8:" in bad, bad
    assert field(good, "stale") == "no", good
    assert "error=" not in field(good, "marked"), good
    assert field(bad, "step") == field(start, "step"), bad
    assert field(good, "step") == field(start, "step"), good


def test_two_files_of_the_same_length_one_after_the_other():
    a = write("same/a.py", "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n")
    b = write("same/b.py", "import asyncio\nasync def main():\n    print('a much longer line than before')\n"
                           "asyncio.run(main())\n")
    png = os.path.join(TMP, "same.png")
    d1, d2 = drive(f"open {a}\ndump\nopen {b}\nkey End\ndump\nscreenshot {png}\n")
    assert field(d1, "file") == a and field(d2, "file") == b, (d1, d2)
    assert "a much longer line than before" in d2, d2
    assert os.path.getsize(png) > 10000


def test_a_folder_lists_its_scenarios_and_opens_the_first():
    first = write("folder/a_first.py", TWO_SLEEPS)
    second = write("folder/b_second.py", TWO_SLEEPS)
    write("folder/notes.txt", "not a scenario")
    (d,) = drive("dump\n", "--open", os.path.join(TMP, "folder"))
    assert field(d, "file") == first, d
    assert f"  {first}\n  {second}\n" in d, d
    assert "notes.txt" not in d, d


def test_the_last_scenario_and_step_come_back_at_the_next_start():
    path = write("remembered.py", TWO_SLEEPS)
    (first,) = drive("key Right 5\ndump\n", "--restore", "--open", path)
    (second,) = drive("dump\n", "--restore")
    assert field(second, "file") == path, second
    assert field(second, "step") == field(first, "step"), (first, second)
    state = open(os.path.join(TMP, "config", "loopscope", "state.ini")).read()
    assert f"recent={path}" in state, state


def test_ten_rapid_key_presses_are_ten_steps():
    slow = "key Right\n" * 10 + "dump\n"
    (one_by_one,) = drive(slow, "--open", "demo")
    (burst,) = drive("key Right 10\ndump\n", "--open", "demo")
    assert field(burst, "step") == field(one_by_one, "step"), (burst, one_by_one)
    assert not field(burst, "step").startswith("0 "), burst


def test_f1_opens_and_closes_the_keyboard_shortcuts():
    (shown, hidden) = drive("key F1\ndump\nkey F1\ndump\n", "--open", "demo")
    assert "window: keyboard shortcuts" in shown, shown
    assert "window: keyboard shortcuts" not in hidden, hidden
    assert field(shown, "step") == field(hidden, "step"), (shown, hidden)


def main():
    global LOOPSCOPE, TMP
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopscope", required=True)
    LOOPSCOPE = os.path.abspath(ap.parse_args().loopscope)
    if shutil.which("xvfb-run") is None:
        print("xvfb-run is not installed: skipped")
        return 77
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        for name, fn in sorted(globals().items()):
            if not name.startswith("test_") or not callable(fn):
                continue
            try:
                fn()
                print(f"PASS {name}")
                passed += 1
            except Exception as e:  # noqa: BLE001 - report every failure
                print(f"FAIL {name}: {type(e).__name__}: {e}")
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
