#!/usr/bin/env python3
"""End-to-end tests of the loopscope command line: each test runs the real
binary and checks its exit status, stdout and stderr, bad inputs included.

Usage: cli_test.py --loopscope PATH
Prints one line per test and the closing line `N passed, M failed`.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

LOOPSCOPE = None
TMP = None


def run(*args, env=None, stdin=None, timeout=120):
    e = dict(os.environ)
    if env is not None:
        e.update(env)
    p = subprocess.run([LOOPSCOPE, *args], capture_output=True, text=True, env=e, timeout=timeout,
                       input=stdin if stdin is not None else "")
    return p.returncode, p.stdout, p.stderr


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


HELLO = """import asyncio

async def main():
    print("hello")
    await asyncio.sleep(1)
    print("bye")

asyncio.run(main())
"""


def test_run_prints_output_lines_with_virtual_time():
    code, out, _ = run("run", write("hello.py", HELLO))
    assert code == 0, code
    assert out == "[0.000000] hello\n[1.000000] bye\n", out


def test_run_is_deterministic_byte_for_byte():
    path = write("hello.py", HELLO)
    a = run("run", path, "--trace")
    b = run("run", path, "--trace")
    assert a == b
    assert "~ iter 1 ready=1 timers=0" in a[1]


def test_missing_file_is_a_usage_error_with_a_clear_message():
    code, out, err = run("run", os.path.join(TMP, "nope.py"))
    assert code == 2, code
    assert out == ""
    assert "nope.py" in err and "error" in err and "loopscope list" in err, err


def test_compile_error_reports_file_line_col_and_caret():
    path = write("bad.py", "import asyncio\n\nasync def main(:\n    pass\n")
    code, out, err = run("run", path)
    assert code == 2, code
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith(path + ":3:"), err
    assert ": error: " in first, err
    assert "^" in err, err


def test_a_directory_is_refused_with_a_clear_message():
    code, out, err = run("run", TMP)
    assert code == 2, code
    assert "is a directory" in err, err


def test_a_binary_file_gives_a_bounded_list_of_printable_errors():
    path = os.path.join(TMP, "noise.py")
    rng = __import__("random").Random(3)
    with open(path, "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(4000)))
    code, out, err = run("check", path)
    assert code == 2, code
    headers = [l for l in err.splitlines() if l.startswith(path + ":")]
    assert len(headers) <= 21, len(headers)
    assert headers[-1].endswith("more errors not shown"), headers[-1]
    assert all(ch == "\n" or ch >= " " for ch in err), "control characters reached the terminal"


def test_unsupported_construct_is_named():
    path = write("matmul.py", "def g():\n    return 1 @ 2\n")
    code, _, err = run("check", path)
    assert code == 2, code
    assert "matmul.py:2:" in err and "not supported" in err, err


def test_check_accepts_a_good_file():
    code, out, err = run("check", write("hello.py", HELLO))
    assert code == 0, (code, err)
    assert out.endswith(": ok\n"), out


def test_uncaught_exception_exits_1_with_traceback_line():
    path = write("boom.py", "import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n")
    code, out, _ = run("run", path)
    assert code == 1, code
    assert out.strip().endswith("! traceback ValueError: boom"), out


def test_deadlock_exits_3():
    path = write("dead.py", "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n")
    code, out, _ = run("run", path)
    assert code == 3, code
    assert "! deadlock" in out, out


def test_max_iters_limit_exits_4():
    path = write("spin.py", "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n")
    code, out, _ = run("run", path, "--max-iters=50")
    assert code == 4, code
    assert "! limit max-iters=50 reached" in out, out


def test_limit_with_many_pending_script_tasks_tears_down_cleanly():
    # Every task spawns another before it sleeps: the run ends at the limit
    # with thousands of pending coroutines, which must be freed while their
    # interpreter still exists.
    path = write("spawn.py", "import asyncio\n\nasync def stubborn():\n"
                 "    asyncio.create_task(stubborn())\n    try:\n        await asyncio.sleep(10)\n"
                 "    except asyncio.CancelledError:\n        await asyncio.Event().wait()\n\n"
                 "async def main():\n    asyncio.create_task(stubborn())\n    await asyncio.sleep(0.1)\n\n"
                 "asyncio.run(main())\n")
    code, out, _ = run("run", path, "--max-iters=3000")
    assert code == 4, code
    assert out.endswith("! limit max-iters=3000 reached\n"), out[-200:]


def test_busy_loop_without_await_is_reported_not_hung():
    path = write("busy.py", "import asyncio\n\nasync def main():\n    n = 0\n    while True:\n        n += 1\n\nasyncio.run(main())\n")
    code, out, _ = run("run", path)
    assert code == 4, (code, out)
    assert "the event loop is blocked at line" in out, out


def test_list_shows_builtin_lessons_by_topic():
    code, out, _ = run("list")
    assert code == 0
    assert "Basics:" in out and "01_async_await" in out, out


def test_builtin_scenario_runs_by_short_name():
    code, out, _ = run("run", "gather")
    assert code == 0, code
    assert "results: ['A', 'B', 'C']" in out, out


def test_export_jsonl_is_one_object_per_event():
    out_path = os.path.join(TMP, "t.jsonl")
    code, _, err = run("export", write("hello.py", HELLO), "--format", "jsonl", "-o", out_path)
    assert code == 0, err
    rows = [json.loads(line) for line in open(out_path)]
    assert rows[0]["kind"] == "loop_new", rows[0]
    assert any(r["kind"] == "output" and r["text"] == "bye" and r["time"] == 1.0 for r in rows)


def test_export_chrome_has_a_track_per_task_and_flows():
    out_path = os.path.join(TMP, "t.json")
    code, _, err = run("export", "gather", "--format", "chrome", "-o", out_path)
    assert code == 0, err
    doc = json.load(open(out_path))
    names = {e["args"]["name"] for e in doc["traceEvents"] if e.get("ph") == "M"}
    assert {"event loop", "Task-1", "Task-2"} <= names, names
    assert any(e.get("ph") == "s" for e in doc["traceEvents"]), "no flow arrows"
    assert any(e.get("ph") == "B" for e in doc["traceEvents"]), "no step slices"


def test_export_to_unwritable_path_fails_cleanly():
    code, _, err = run("export", "gather", "--format", "jsonl", "-o", "/nonexistent-dir/x.jsonl")
    assert code == 2, code
    assert "cannot write" in err, err


def test_unknown_option_is_a_usage_error():
    code, _, _ = run("run", "gather", "--frobnicate")
    assert code == 2, code


def test_window_without_display_says_how_to_run_it():
    code, out, err = run("gather", env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert code == 1, code
    text = out + err
    assert "xvfb-run -a" in text and "loopscope run" in text, text
    assert len(text.strip().splitlines()) == 1, text


def test_compare_reports_identical_for_a_lesson():
    oracle = os.path.join(os.path.dirname(__file__), "..", "conformance", "cpython_oracle.py")
    code, out, err = run("compare", "gather", "--oracle", oracle)
    assert code == 0, (code, out, err)
    assert "identical (plain)" in out and "identical (--trace)" in out, out


def test_every_builtin_lesson_matches_cpython_at_both_levels():
    oracle = os.path.join(os.path.dirname(__file__), "..", "conformance", "cpython_oracle.py")
    code, out, _ = run("list")
    lessons = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert len(lessons) >= 10, lessons
    for name in lessons:
        # The 100,000-task lesson takes CPython a while to trace.
        code, out, err = run("compare", name, "--oracle", oracle, timeout=900)
        assert code == 0, (name, out, err)


def test_compare_shows_first_difference_when_oracle_differs():
    # A stand-in oracle that prints something else: compare must say where.
    fake = write("fake_oracle.py", "print('[0.000000] something else')\n")
    code, out, _ = run("compare", "gather", "--oracle", fake)
    assert code == 1, code
    assert "first difference at line 1" in out and "+ cpython:   [0.000000] something else" in out, out


def quiz(lesson, answers, config):
    return run("quiz", lesson, stdin="".join(f"{a}\n" for a in answers), env={"XDG_CONFIG_HOME": config})


def right_answers(out):
    """The right choice of each question, from a run's replies."""
    answers = []
    for reply in re.findall(r"your answer \(1-\d+\): (right:|not quite: the answer is (\d+)\))", out):
        answers.append(1 if reply[0] == "right:" else int(reply[1]))
    return answers


def test_quiz_asks_a_lessons_questions_and_keeps_the_best_score():
    config = os.path.join(TMP, "config-quiz")
    code, out, err = quiz("sleep_zero", [1, 1], config)
    assert code == 0, (code, out, err)
    assert "Q1. Which task runs next?" in out and "Q2. What does the program print next?" in out, out
    assert "-- at 0 s: ping is about to yield" in out, out
    right = right_answers(out)
    assert len(right) == 2, out
    code, out, _ = quiz("sleep_zero", right, config)
    assert code == 0
    assert "score: 2/2 (best 2/2)" in out, out
    # A worse second try keeps the best score.
    wrong = [2 if a == 1 else 1 for a in right]
    code, out, _ = quiz("sleep_zero", wrong, config)
    assert "score: 0/2 (best 2/2)" in out, out
    saved = open(os.path.join(config, "loopscope", "scores.txt")).read()
    assert "09_sleep_zero 0 2 2" in saved, saved
    code, out, _ = run("quiz", env={"XDG_CONFIG_HOME": config})
    assert code == 0 and "09_sleep_zero" in out and "2/2" in out and "check" in out, out


RACE = """# checkpoint: when fetch starts: both fetches have started.
# ask: what prints next
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")

async def main():
    await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1))

asyncio.run(main())
"""


def test_quiz_answers_come_from_the_run():
    # What prints next on a program where b, started second, finishes first.
    code, out, err = quiz(write("race.py", RACE), [1], os.path.join(TMP, "config-race"))
    assert code == 0, (code, out, err)
    right = right_answers(out)
    choices = [line.split(") ", 1)[1] for line in out.splitlines() if line.startswith("  ") and ") " in line]
    assert choices[right[0] - 1] == '"fetched b"', (choices, right)


def test_quiz_rejects_an_answer_out_of_range_and_stops_at_the_end_of_input():
    code, out, _ = quiz("sleep_zero", ["x", 7], os.path.join(TMP, "config-bad"))
    assert "answer with a number from 1 to" in out, out
    assert code == 1 and "no more answers" in out, (code, out)
    assert not os.path.exists(os.path.join(TMP, "config-bad", "loopscope", "scores.txt"))


def test_quiz_check_asks_the_chapters_three_questions():
    config = os.path.join(TMP, "config-check")
    code, out, err = quiz("check", [1, 1, 1], config)
    assert code == 0, (code, out, err)
    assert "What happens when you call an async def function without await?" in out, out
    assert "How do you run several coroutines concurrently?" in out, out
    assert "Why must you never call time.sleep inside async code?" in out, out
    assert "loopscope run never_awaited" in out, out
    right = right_answers(out)
    assert len(right) == 3, out
    code, out, _ = quiz("check", right, config)
    assert "score: 3/3" in out, out


def test_quiz_of_a_file_whose_checkpoint_never_happens_says_where():
    path = write("badcp.py", '# checkpoint: when "nope" prints: x\n# ask: what prints next\n' + HELLO)
    code, out, err = quiz(path, [], os.path.join(TMP, "config-x"))
    assert code == 2, (code, out, err)
    assert "badcp.py:1:1: error: checkpoint: the moment '\"nope\" prints' does not happen" in err, err


def test_quiz_of_a_file_without_questions_is_an_error():
    code, _, err = quiz(write("hello.py", HELLO), [], os.path.join(TMP, "config-y"))
    assert code == 2 and "has no questions" in err, err
    code, _, err = quiz("no_such_lesson", [], os.path.join(TMP, "config-y"))
    assert code == 2 and "no such file or built-in scenario" in err, err


# Tests that check agreement with CPython rather than memory safety: the
# sanitizer build leaves them to the normal build.
CPYTHON_ONLY = {"test_every_builtin_lesson_matches_cpython_at_both_levels"}


def main():
    global LOOPSCOPE, TMP
    ap = argparse.ArgumentParser()
    ap.add_argument("--loopscope", required=True)
    ap.add_argument("--sanitizer-build", action="store_true",
                    help="leave out the tests that only compare with CPython (the normal build runs them)")
    args = ap.parse_args()
    LOOPSCOPE = os.path.abspath(args.loopscope)
    left_out = CPYTHON_ONLY if args.sanitizer_build else set()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        for name, fn in sorted(globals().items()):
            if not name.startswith("test_") or not callable(fn):
                continue
            if name in left_out:
                print(f"LEFT OUT {name} (a comparison with CPython, run by the normal build)")
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
