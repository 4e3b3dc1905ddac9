#!/usr/bin/env python3
"""Generate a random asyncio program in the scenario subset.

    python3 gen.py SEED > prog.py

The program is a function of SEED alone. It has a few worker tasks that
sleep, sleep(0), block with time.sleep, print, put to and get from bounded
queues (with timeouts), await earlier workers, cancel other workers, time
out with wait_for, and raise; main starts them all and gathers them with
return_exceptions=True.

Every program terminates: loops are bounded, every queue operation has a
timeout, and a worker only awaits workers created before it, so waits form
no cycle.
"""

import random
import sys

SLEEPS = ["0", "0", "0.1", "0.2", "0.25", "0.5", "1"]
TIMEOUTS = ["0.05", "0.1", "0.3", "0.6"]


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

    def __init__(self, rng):
        self.rng = rng
        self.workers = rng.randint(2, 5)
        self.queues = rng.randint(0, 2)
        self.maxsizes = [rng.randint(1, 3) for _ in range(self.queues)]


def emit_sleep(w, rng, me):
    w.line(f"await asyncio.sleep({rng.choice(SLEEPS)})")


def emit_print(w, rng, me):
    w.line(f'print(f"w{me} step {{step}} at {{asyncio.get_running_loop().time()}}")')
    w.line("step += 1")


def emit_block(w, rng, me):
    w.line(f"time.sleep({rng.choice(['0.05', '0.1', '0.3'])})")


def emit_put(w, rng, me, queue):
    timeout = rng.choice(TIMEOUTS)
    w.line("try:")
    w.indent()
    w.line(f'await asyncio.wait_for(q{queue}.put("w{me}-{rng.randint(0, 99)}"), {timeout})')
    w.line(f'print("w{me} put on q{queue}")')
    w.dedent()
    w.line("except asyncio.TimeoutError:")
    w.indent()
    w.line(f'print("w{me} put on q{queue} timed out")')
    w.dedent()


def emit_get(w, rng, me, queue):
    timeout = rng.choice(TIMEOUTS)
    w.line("try:")
    w.indent()
    w.line(f"item = await asyncio.wait_for(q{queue}.get(), {timeout})")
    w.line(f'print("w{me} got", item, "from q{queue}")')
    w.dedent()
    w.line("except asyncio.TimeoutError:")
    w.indent()
    w.line(f'print("w{me} get on q{queue} timed out")')
    w.dedent()


def emit_await_earlier(w, rng, me):
    other = rng.randrange(me)
    w.line("try:")
    w.indent()
    w.line(f'value = await tasks["w{other}"]')
    w.line(f'print("w{me} saw w{other} return", value)')
    w.dedent()
    w.line("except asyncio.CancelledError:")
    w.indent()
    w.line(f'if tasks["w{other}"].cancelled():')
    w.indent()
    w.line(f'print("w{me} saw w{other} cancelled")')
    w.dedent()
    w.line("else:")
    w.indent()
    w.line("raise")
    w.dedent()
    w.dedent()
    w.line("except FuzzError as e:")
    w.indent()
    w.line(f'print("w{me} saw w{other} fail:", e)')
    w.dedent()


def emit_cancel(w, rng, me, count):
    other = rng.choice([i for i in range(count) if i != me])
    w.line(f'print("w{me} cancels w{other}:", tasks["w{other}"].cancel())')


def emit_wait_for_sleep(w, rng, me):
    w.line("try:")
    w.indent()
    w.line(f"await asyncio.wait_for(asyncio.sleep({rng.choice(SLEEPS[2:])}), "
           f"{rng.choice(TIMEOUTS)})")
    w.line(f'print("w{me} slept within the timeout")')
    w.dedent()
    w.line("except asyncio.TimeoutError:")
    w.indent()
    w.line(f'print("w{me} timed out")')
    w.dedent()


def emit_raise(w, rng, me):
    w.line(f"if step >= {rng.randint(0, 2)}:")
    w.indent()
    w.line(f'raise FuzzError("w{me} gives up at step " + str(step))')
    w.dedent()


def emit_loop(w, rng, me, prog):
    w.line(f"for i in range({rng.randint(1, 3)}):")
    w.indent()
    emit_sleep(w, rng, me)
    emit_print(w, rng, me)
    w.dedent()


def emit_operation(w, rng, me, prog):
    choices = ["sleep", "sleep", "print", "print", "wait_for", "loop"]
    if prog.queues:
        choices += ["put", "put", "get", "get"]
    if me > 0:
        choices.append("await")
    choices += ["cancel", "block", "raise"]
    kind = rng.choice(choices)
    if kind == "sleep":
        emit_sleep(w, rng, me)
    elif kind == "print":
        emit_print(w, rng, me)
    elif kind == "wait_for":
        emit_wait_for_sleep(w, rng, me)
    elif kind == "loop":
        emit_loop(w, rng, me, prog)
    elif kind == "put":
        emit_put(w, rng, me, rng.randrange(prog.queues))
    elif kind == "get":
        emit_get(w, rng, me, rng.randrange(prog.queues))
    elif kind == "await":
        emit_await_earlier(w, rng, me)
    elif kind == "cancel":
        emit_cancel(w, rng, me, prog.workers)
    elif kind == "block":
        emit_block(w, rng, me)
    else:
        emit_raise(w, rng, me)


def queue_params(prog):
    return "".join(f", q{i}" for i in range(prog.queues))


def emit_worker(w, rng, me, prog):
    w.line(f"async def worker{me}(tasks{queue_params(prog)}):")
    w.indent()
    w.line("step = 0")
    w.line("try:")
    w.indent()
    for _ in range(rng.randint(2, 7)):
        emit_operation(w, rng, me, prog)
    w.dedent()
    w.line("except asyncio.CancelledError:")
    w.indent()
    w.line(f'print("w{me} cancelled at step", step)')
    w.line("raise")
    w.dedent()
    w.line(f'print("w{me} done")')
    w.line(f"return {me} * 10 + step")
    w.dedent()
    w.line()
    w.line()


def emit_main(w, rng, prog):
    w.line("async def main():")
    w.indent()
    for i, size in enumerate(prog.maxsizes):
        w.line(f"q{i} = asyncio.Queue(maxsize={size})")
    w.line("tasks = {}")
    for me in range(prog.workers):
        w.line(f'tasks["w{me}"] = asyncio.create_task('
               f'worker{me}(tasks{queue_params(prog)}), name="w{me}")')
    if rng.random() < 0.5:
        w.line(f"await asyncio.sleep({rng.choice(SLEEPS)})")
    w.line("results = await asyncio.gather(*tasks.values(), "
           "return_exceptions=True)")
    w.line("for name, result in zip(tasks, results):")
    w.indent()
    w.line("print(name, type(result).__name__, result)")
    w.dedent()
    for i in range(prog.queues):
        w.line(f'print("q{i} left:", q{i}.qsize())')
    w.dedent()
    w.line()
    w.line()
    w.line("asyncio.run(main())")


def generate(seed):
    rng = random.Random(seed)
    prog = Program(rng)
    w = Writer()
    w.line(f'"""Random asyncio program from fuzz/gen.py, seed {seed}."""')
    w.line("import asyncio")
    w.line("import time")
    w.line()
    w.line()
    w.line("class FuzzError(Exception):")
    w.indent()
    w.line("pass")
    w.dedent()
    w.line()
    w.line()
    for me in range(prog.workers):
        emit_worker(w, rng, me, prog)
    emit_main(w, rng, prog)
    return w.text()


def main(argv):
    if len(argv) != 1:
        sys.stderr.write("usage: gen.py SEED\n")
        return 2
    try:
        seed = int(argv[0])
    except ValueError:
        sys.stderr.write("gen.py: SEED must be an integer\n")
        return 2
    sys.stdout.write(generate(seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
