#!/usr/bin/env python3
"""Generate a random asyncio program.

    python3 gen.py SEED > prog.py

The program is a function of SEED alone. A few worker tasks draw their
bodies from gen_ops.py: sleeps, blocking calls, queues, Lock, Semaphore,
BoundedSemaphore, Event, Condition, TaskGroup, shield, wait (every
return_when), as_completed, timeout/timeout_at, call_soon/call_later/call_at
(some handles cancelled), futures resolved or failed from callbacks,
add/remove_done_callback, try/finally around awaits, cancel() with and
without a message, cancelled gathers, chains of coroutines several deep
that catch, wrap or pass on exceptions, Barrier (wait, abort), tasks
nobody keeps (create_task / ensure_future), all_tasks(); main starts the
workers and gathers them with return_exceptions=True under asyncio.run.
With --gc, a quarter of the programs use the legacy new_event_loop /
run_until_complete / close instead, which leaves unfinished tasks pending,
and some sub-task failures are never retrieved, so what CPython reports
when objects die is compared too (known gaps remain there: see
gen_ops.emit_subtasks and the conformance README).

Every program terminates: loops are bounded, every wait has a timeout, and
a worker only awaits workers created before it, so waits form no cycle
(check_terminates.py checks it under CPython).
"""

import random
import sys

from gen_ops import DELAYS, Ctx, block, emit_operation


class Writer:
    """Collects indented source lines."""

    def __init__(self):
        self.lines = []
        self.depth = 0

    def line(self, text=""):
        self.lines.append(("    " * self.depth + text) if text else "")

    def indent(self):
        self.depth += 1

    def dedent(self):
        self.depth -= 1

    def text(self):
        return "\n".join(self.lines) + "\n"


class Program:
    """Shape of one generated program, drawn from the seed."""

    def __init__(self, rng, gc=False):
        self.rng = rng
        self.gc = gc
        self.workers = rng.randint(2, 5)
        self.queues = rng.randint(0, 2)
        self.maxsizes = [rng.randint(1, 3) for _ in range(self.queues)]
        self.chains = rng.randint(1, 2)
        self.sem_value = rng.randint(1, 2)
        self.barrier_parties = rng.randint(2, 3)
        # asyncio.run (cancels what main leaves behind) or the legacy
        # new_event_loop / run_until_complete / close (leaves it pending).
        self.legacy_loop = rng.random() < 0.25 and gc


# Module-level helpers every program has: callbacks for the loop and for
# futures, and the leaf coroutine that sub-tasks run.
HELPERS = """\
class FuzzError(Exception):
    pass


def note(tag):
    print("note", tag, "at", asyncio.get_running_loop().time())


def on_done(fut):
    if fut.cancelled():
        print("done callback: cancelled")
    elif fut.exception() is not None:
        print("done callback: error", repr(fut.exception()))
    else:
        print("done callback: result", fut.result())


def retrieve(task):
    if not task.cancelled():
        task.exception()


def resolve(fut, value):
    if fut.done():
        print("resolve: already done, cancelled:", fut.cancelled())
    else:
        fut.set_result(value)


def fail(fut, text):
    if fut.done():
        print("fail: already done, cancelled:", fut.cancelled())
    else:
        fut.set_exception(FuzzError(text))


async def leaf(name, delay, outcome):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise
    if outcome == "raise":
        raise FuzzError(name + " failed")
    print(name, "returns")
    return name
"""


def emit_chain_level(w, rng, k, i, depth):
    """chain{k}_{i}: awaits the next level, and may catch, wrap or pass on
    its exception; the last level sleeps and may raise."""
    w.line(f"async def chain{k}_{i}(tag):")
    w.indent()
    if i == depth - 1:
        w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
        if rng.random() < 0.6:
            w.line(f'raise FuzzError(tag + " failed at level {i}")')
        w.line(f'return tag + " bottom"')
        w.dedent()
        w.line()
        w.line()
        return
    call = f"await chain{k}_{i + 1}(tag)"
    style = rng.choice(["plain", "swallow", "wrap", "finally"])
    if style == "plain":
        w.line(f"value = {call}")
    elif style == "finally":
        block(w, "try:", lambda: w.line(f"value = {call}"),
              ("finally:", lambda: w.line(f'print(tag, "leaves level {i}")')))
    elif style == "swallow":
        block(w, "try:", lambda: w.line(f"value = {call}"),
              ("except FuzzError as e:", lambda: (
                  w.line(f'print(tag, "level {i} caught", e)'),
                  w.line('value = "recovered"'))))
    else:
        block(w, "try:", lambda: w.line(f"value = {call}"),
              ("except FuzzError as e:",
               lambda: w.line(f'raise FuzzError(tag + " wrapped at level {i}") from e')))
    w.line(f'return value + " {i}"')
    w.dedent()
    w.line()
    w.line()


def emit_chains(w, rng, prog):
    for k in range(prog.chains):
        depth = rng.randint(1, 4)
        for i in range(depth):
            emit_chain_level(w, rng, k, i, depth)


def queue_params(prog):
    return "".join(f", q{i}" for i in range(prog.queues))


def emit_worker(w, rng, me, prog):
    w.line(f"async def worker{me}(tasks{queue_params(prog)}):")
    w.indent()
    w.line("step = 0")
    ctx = Ctx(w, rng, me, prog)
    block(w, "try:", lambda: [emit_operation(ctx) for _ in range(rng.randint(2, 7))],
          ("except asyncio.CancelledError as e:", lambda: (
              w.line(f'print("w{me} cancelled at step", step, e.args)'),
              w.line("raise"))))
    w.line(f'print("w{me} done")')
    w.line(f"return {me} * 10 + step")
    w.dedent()
    w.line()
    w.line()


def emit_main(w, rng, prog):
    w.line("async def main():")
    w.indent()
    w.line("global lock, sem, bsem, event, cond, barrier")
    w.line("lock = asyncio.Lock()")
    w.line(f"sem = asyncio.Semaphore({prog.sem_value})")
    w.line(f"bsem = asyncio.BoundedSemaphore({prog.sem_value})")
    w.line("event = asyncio.Event()")
    w.line("cond = asyncio.Condition()")
    w.line(f"barrier = asyncio.Barrier({prog.barrier_parties})")
    for i, size in enumerate(prog.maxsizes):
        w.line(f"q{i} = asyncio.Queue(maxsize={size})")
    w.line("tasks = {}")
    for me in range(prog.workers):
        w.line(f'tasks["w{me}"] = asyncio.create_task('
               f'worker{me}(tasks{queue_params(prog)}), name="w{me}")')
    if rng.random() < 0.5:
        w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
    w.line("results = await asyncio.gather(*tasks.values(), "
           "return_exceptions=True)")
    w.line("for name, result in zip(tasks, results):")
    w.indent()
    w.line("print(name, type(result).__name__, result)")
    w.dedent()
    for i in range(prog.queues):
        w.line(f'print("q{i} left:", q{i}.qsize())')
    w.line('print("locked:", lock.locked(), sem.locked(), bsem.locked(), "event:", event.is_set())')
    w.dedent()
    w.line()
    w.line()
    if prog.legacy_loop:
        w.line("loop = asyncio.new_event_loop()")
        w.line("loop.run_until_complete(main())")
        w.line('print("closing the loop")')
        w.line("loop.close()")
        w.line('print("closed")')
    else:
        w.line("asyncio.run(main())")


def generate(seed, gc=False):
    """The program for `seed`; `gc` adds what is compared only on request
    (run_fuzz.py --gc): the legacy loop API, unretrieved sub-task failures."""
    rng = random.Random(seed)
    prog = Program(rng, gc)
    w = Writer()
    w.line(f'"""Random asyncio program from fuzz/gen.py, seed {seed}."""')
    w.line("import asyncio")
    w.line("import time")
    w.line()
    w.line()
    for text in HELPERS.splitlines():
        w.line(text)
    w.line()
    w.line()
    emit_chains(w, rng, prog)
    for me in range(prog.workers):
        emit_worker(w, rng, me, prog)
    emit_main(w, rng, prog)
    return w.text()


def main(argv):
    gc = "--gc" in argv
    argv = [a for a in argv if a != "--gc"]
    if len(argv) != 1:
        sys.stderr.write("usage: gen.py SEED [--gc]\n")
        return 2
    try:
        seed = int(argv[0])
    except ValueError:
        sys.stderr.write("gen.py: SEED must be an integer\n")
        return 2
    sys.stdout.write(generate(seed, gc))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
