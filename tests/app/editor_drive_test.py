#!/usr/bin/env python3
"""The Editor panel and the Lesson tab through the real window: each test
drives `loopscope drive` (keys and characters through the window's own
input callbacks, named controls clicked) and checks the text dump and the
files on disk. Needs xvfb-run; exits 77 (skipped) without it.

Usage: editor_drive_test.py --loopscope PATH
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
LESSONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios")

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


def read(path):
    with open(path) as f:
        return f.read()


def drive(script, *args, cwd=None, ok=True):
    path = write("script.txt", script)
    p = subprocess.run(["xvfb-run", "-a", LOOPSCOPE, "drive", path, *args],
                       capture_output=True, text=True, timeout=240, cwd=cwd or TMP)
    if ok:
        assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p.stdout.split("--\n")[:-1]


def field(dump, name):
    m = re.search(rf"^{name}:(.*)$", dump, re.M)
    return m.group(1).strip() if m else None


def editor_lines(dump):
    return [l[len("  e| "):] for l in dump.splitlines() if l.startswith("  e| ")]


def test_edit_then_save_runs_the_new_text():
    path = write("edit/s.py", TWO_SLEEPS)
    typed, saved = drive("click Editor\nkey Ctrl+End\nkey Up\nkey Home\n"
                         "chars print(\"before run\")\nkey Enter\ndump\n"
                         "key Ctrl+S\nkey Escape\nkey End\ndump\n", "--open", path)
    assert " modified" in field(typed, "editor"), typed
    assert 'print("before run")' in editor_lines(typed), typed
    assert "asyncio.run(main())" in editor_lines(typed), typed
    assert " saved" in field(saved, "editor"), saved
    assert read(path) == TWO_SLEEPS.replace("asyncio.run(main())", 'print("before run")\nasyncio.run(main())')
    assert "] before run" in saved, saved
    assert not [f for f in os.listdir(os.path.dirname(path)) if f != "s.py"], "a temporary file was left"


def test_undo_and_redo():
    path = write("undo/s.py", TWO_SLEEPS)
    d = drive("click Editor\nchars # note\ndump\nkey Ctrl+Z\ndump\nkey Ctrl+Shift+Z\ndump\n"
              "key Ctrl+Z\nkey Ctrl+Y\ndump\n", "--open", path)
    assert editor_lines(d[0])[0] == "# noteimport asyncio", d[0]
    assert editor_lines(d[1])[0] == "import asyncio", d[1]
    assert " saved" in field(d[1], "editor"), d[1]
    assert editor_lines(d[2])[0] == "# noteimport asyncio", d[2]
    assert editor_lines(d[3])[0] == "# noteimport asyncio", d[3]


def test_tab_indents_and_shift_tab_dedents():
    path = write("tab/s.py", TWO_SLEEPS)
    d = drive("click Editor\nkey Tab\ndump\nkey Shift+Tab\ndump\n", "--open", path)
    assert editor_lines(d[0])[0] == "    import asyncio", d[0]
    assert editor_lines(d[1])[0] == "import asyncio", d[1]


def test_find_next_and_previous():
    path = write("find/s.py", TWO_SLEEPS)
    d = drive("click Editor\nkey Ctrl+F\ntype worker\nkey Enter\ndump\nclick Next\ndump\nclick Previous\ndump\n",
              "--open", path)
    assert field(d[0], "editor selection") == "worker", d[0]
    assert "cursor=3:" in field(d[0], "editor"), d[0]
    assert "(3 found)" in field(d[0], "editor find"), d[0]
    assert "cursor=9:" in field(d[1], "editor"), d[1]
    assert "cursor=3:" in field(d[2], "editor"), d[2]


def test_a_compile_error_is_marked_in_the_editor_as_you_type():
    path = write("err/s.py", TWO_SLEEPS)
    (d,) = drive("click Editor\nkey Down 7\nkey End\nkey Backspace\nframes 40\ndump\n", "--open", path)
    assert re.search(r"^editor error: 8: ", d, re.M), d


def test_opening_another_file_asks_about_unsaved_edits():
    a = write("ask/a.py", TWO_SLEEPS)
    b = write("ask/b.py", TWO_SLEEPS.replace('"b", 2', '"b", 3'))
    d = drive(f"click Editor\nchars # mine\nkey Escape\nopen {b}\ndump\nclick Cancel\ndump\n"
              f"open {b}\nclick Save changes\ndump\n", "--open", a)
    asked, cancelled, saved = d
    assert field(asked, "prompt") == "unsaved changes", asked
    assert field(asked, "file") == a, asked
    assert field(cancelled, "prompt") is None and field(cancelled, "file") == a, cancelled
    assert " modified" in field(cancelled, "editor"), cancelled
    assert field(saved, "file") == b, saved
    assert read(a).startswith("# mineimport asyncio"), read(a)


def test_a_lesson_switch_asks_about_unsaved_edits():
    d = drive("click Editor\nchars # mine\nkey Escape\nclick Next lesson\ndump\nclick Discard changes\ndump\n",
              "--open", "03_sleep")
    asked, switched = d
    assert field(asked, "prompt") == "unsaved changes" and field(asked, "file") == "03_sleep", asked
    assert field(switched, "file") == "04_asyncio_run", switched
    assert " saved" in field(switched, "editor"), switched


def test_discarding_keeps_the_file_as_it_was():
    a = write("discard/a.py", TWO_SLEEPS)
    b = write("discard/b.py", TWO_SLEEPS)
    (d,) = drive(f"click Editor\nchars # mine\nkey Escape\nopen {b}\nclick Discard changes\ndump\n", "--open", a)
    assert field(d, "file") == b, d
    assert read(a) == TWO_SLEEPS
    assert " saved" in field(d, "editor"), d


def test_a_change_on_disk_while_edited_asks_first():
    path = write("disk/s.py", TWO_SLEEPS)
    changed = TWO_SLEEPS.replace('"a", 1', '"a", 5')
    d = drive(f"click Editor\nchars # mine\nwrite {path}\n{changed}EOF\nframes 40\ndump\n"
              "click Discard changes\nframes 5\ndump\n", "--open", path)
    asked, discarded = d
    assert field(asked, "prompt") == "unsaved changes", asked
    assert "# mineimport asyncio" in editor_lines(asked), asked
    assert '    await asyncio.gather(worker("a", 5), worker("b", 2))' in editor_lines(discarded), discarded
    assert " saved" in field(discarded, "editor"), discarded


def test_closing_with_unsaved_edits_asks():
    path = write("close/s.py", TWO_SLEEPS)
    d = drive("click Editor\nchars x\nclose\ndump\nclick Cancel\nclose\nclick Discard changes\ndump\n", "--open", path)
    asked, closing = d
    assert field(asked, "prompt") == "unsaved changes" and field(asked, "window") is None, asked
    assert field(closing, "window") == "closing", closing
    assert read(path) == TWO_SLEEPS


def test_new_scenario_from_the_template():
    folder = os.path.join(TMP, "new")
    os.makedirs(folder, exist_ok=True)
    d = drive("key Ctrl+N\ndump\ntype fresh\nkey Enter\nkey Escape\nkey End\ndump\n", "--open", "demo", cwd=folder)
    dialog, made = d
    assert field(dialog, "dialog") == "new", dialog
    assert field(dialog, "  folder") == folder, dialog
    created = os.path.join(folder, "fresh.py")
    assert field(made, "file") == created, made
    assert "results: ['a', 'b']" in made, made
    assert " shown" in field(made, "editor"), made
    assert "asyncio.run(main())" in read(created)


def test_save_as_writes_a_copy_and_follows_it():
    path = write("saveas/s.py", TWO_SLEEPS)
    d = drive("click Editor\nchars # copy\nkey Ctrl+Shift+S\ntype other.py\nkey Enter\ndump\n", "--open", path)
    copy = os.path.join(TMP, "saveas", "other.py")
    assert field(d[0], "file") == copy, d[0]
    assert read(copy).startswith("# copyimport asyncio")
    assert read(path) == TWO_SLEEPS


def test_save_as_asks_before_replacing_a_file():
    path = write("replace/s.py", TWO_SLEEPS)
    other = write("replace/o.py", "print('keep')\n")
    d = drive("click Editor\nchars # x\nkey Ctrl+Shift+S\ntype o.py\nkey Enter\ndump\n", "--open", path)
    assert "o.py exists: press Save again to replace it." in d[0], d[0]
    assert read(other) == "print('keep')\n"


def test_a_built_in_lesson_is_saved_as_a_copy():
    folder = os.path.join(TMP, "lessoncopy")
    os.makedirs(folder, exist_ok=True)
    d = drive("click Editor\nchars # mine\nkey Ctrl+S\ndump\nkey Enter\ndump\n", "--open", "03_sleep", cwd=folder)
    asked, saved = d
    assert field(asked, "dialog") == "save as", asked
    assert field(asked, "  name") == "03_sleep_copy.py", asked
    copy = os.path.join(folder, "03_sleep_copy.py")
    assert field(saved, "file") == copy, saved
    assert read(copy).startswith("# mine\"\"\"asyncio.sleep")


def test_a_lesson_file_on_disk_is_never_written_over():
    lesson = os.path.realpath(os.path.join(LESSONS, "03_sleep.py"))
    before = read(lesson)
    (d,) = drive("click Editor\nchars # mine\nkey Ctrl+S\ndump\n", "--open", lesson)
    assert field(d, "dialog") == "save as", d
    assert read(lesson) == before


def quiz_answers(lesson):
    """The right answers as `loopscope quiz` reports them (answering 1 each time)."""
    p = subprocess.run([LOOPSCOPE, "quiz", lesson], input="1\n" * 20, capture_output=True, text=True,
                       env=dict(os.environ, XDG_CONFIG_HOME=os.path.join(TMP, "quizcfg")), timeout=60)
    answers = []
    for line in p.stdout.splitlines():
        if "right: " in line and "answer (" in line:
            answers.append(1)
        m = re.search(r"not quite: the answer is (\d+)\)", line)
        if m:
            answers.append(int(m.group(1)))
    return answers


def test_a_lessons_questions_answered_right_and_wrong():
    right = quiz_answers("03_sleep")
    assert len(right) == 2, right
    wrong = 1 if right[1] != 1 else 2
    d = drive("key Right 400\ndump\n"
              f"key {right[0]}\ndump\nclick Play on\nframes 5\nkey Right 400\ndump\n"
              f"key {wrong}\ndump\nclick Play on\nkey End\ndump\n",
              "--open", "03_sleep", "--restore")
    assert len(d) >= 1, d
    first = d[0]
    assert field(first, "question") == "Which task runs next?", first
    assert field(first, "answer") is None, first
    assert field(d[1], "answer").startswith("right:"), d[1]
    assert field(d[2], "question") == "What does the program print next?", d[2]
    assert field(d[3], "answer").startswith(f"wrong (the answer is {right[1]})"), d[3]
    assert field(d[4], "score") == "03_sleep 1/2", d[4]
    state = read(os.path.join(os.environ["XDG_CONFIG_HOME"], "loopscope", "state.ini"))
    assert "score=03_sleep 1 2 1" in state, state
    assert "visited=03_sleep" in state, state


def test_next_and_previous_lesson():
    d = drive("click Next lesson\ndump\nclick Next lesson\nclick Previous lesson\ndump\n", "--open", "01_async_await")
    assert field(d[0], "file") == "02_never_awaited", d[0]
    assert field(d[1], "file") == "02_never_awaited", d[1]
    assert "01_async_await" in field(d[1], "visited") and "03_sleep" in field(d[1], "visited"), d[1]


def test_the_knowledge_check_asks_checks_and_opens_the_proof():
    d = drive("click Knowledge check\ndump\nkey 2\nkey 1\nkey 1\ndump\n"
              "click Show me: open gather\ndump\n", "--open", "03_sleep")
    asked, answered, shown = d
    assert field(asked, "knowledge check") == "Q1=open Q2=open Q3=open", asked
    # Each answer is checked against its lesson's run: calling without await
    # runs nothing (2), awaiting in turn is not concurrent (1 is wrong), and
    # time.sleep blocks the whole loop (1).
    assert field(answered, "knowledge check") == "Q1=right Q2=wrong Q3=right", answered
    assert "score: knowledge_check 2/3" in answered, answered
    assert field(shown, "file").endswith("gather"), shown
    assert field(shown, "knowledge check") is None, shown  # the lesson's narrative is back


def test_asyncio_runs_shutdown_is_one_step():
    d = drive("key End\ndump\nkey Left\ndump\nkey Left\ndump\nkey Right\ndump\nkey Right\ndump\n", "--open", "07_gather")
    end, start, before, again, back_at_end = d
    size = int(field(end, "step").split(" of ")[1])
    shutdown = int(field(end, "shutdown").split()[-1])
    assert 0 < shutdown < size - 1, end  # several events fold into one step
    assert field(end, "step") == f"{size} of {size}", end
    assert field(start, "step") == f"{shutdown} of {size}", start
    assert field(before, "step") == f"{shutdown - 1} of {size}", before
    assert field(again, "step") == f"{shutdown} of {size}", again
    assert field(back_at_end, "step") == f"{size} of {size}", back_at_end


def main():
    global LOOPSCOPE, TMP
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopscope", required=True)
    ap.add_argument("-k", default="", help="only the tests whose name contains this")
    args = ap.parse_args()
    LOOPSCOPE = os.path.abspath(args.loopscope)
    if shutil.which("xvfb-run") is None:
        print("xvfb-run is not installed: skipped")
        return 77
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        TMP = os.path.realpath(tmp)
        os.environ["XDG_CONFIG_HOME"] = os.path.join(TMP, "config")
        for name, fn in sorted(globals().items()):
            if not name.startswith("test_") or not callable(fn) or args.k not in name:
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
