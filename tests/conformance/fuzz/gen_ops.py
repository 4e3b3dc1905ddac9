"""The operations gen.py draws a worker's body from.

Each emitter writes self-contained statements that terminate on their own:
every wait that could block has a timeout (wait_for, asyncio.timeout, or a
bounded sleep), every loop is bounded, and a worker only awaits workers
created before it, so waits form no cycle.

An emitter is called as emit(ctx) where ctx carries the writer `w`, the
random source `rng`, the worker number `me` and the program shape `prog`.
"""

SLEEPS = ["0", "0", "0.1", "0.2", "0.25", "0.5", "1"]
DELAYS = ["0", "0.05", "0.1", "0.2", "0.3", "0.5"]
TIMEOUTS = ["0.05", "0.1", "0.3", "0.6"]
MESSAGES = ["stop", "enough", "bye"]


class Ctx:
    def __init__(self, w, rng, me, prog):
        self.w = w
        self.rng = rng
        self.me = me
        self.prog = prog
        self.counter = 0
        self.depth = 0  # how many try/finally blocks enclose the next operation

    def tag(self):
        """A fresh name for something this worker makes: w1-3."""
        self.counter += 1
        return f"w{self.me}-{self.counter}"


def block(w, header, body, *handlers):
    """header: ... body ... then (clause, body) handlers."""
    w.line(header)
    w.indent()
    body()
    w.dedent()
    for clause, handler in handlers:
        w.line(clause)
        w.indent()
        handler()
        w.dedent()


def emit_sleep(c):
    c.w.line(f"await asyncio.sleep({c.rng.choice(SLEEPS)})")


def emit_print(c):
    c.w.line(f'print(f"w{c.me} step {{step}} at {{asyncio.get_running_loop().time()}}")')
    c.w.line("step += 1")


def emit_block(c):
    c.w.line(f"time.sleep({c.rng.choice(['0.05', '0.1', '0.3'])})")


def emit_raise(c):
    c.w.line(f"if step >= {c.rng.randint(0, 2)}:")
    c.w.indent()
    c.w.line(f'raise FuzzError("w{c.me} gives up at step " + str(step))')
    c.w.dedent()


def emit_wait_for_sleep(c):
    w, me = c.w, c.me
    block(w, "try:", lambda: (
        w.line(f"await asyncio.wait_for(asyncio.sleep({c.rng.choice(SLEEPS[2:])}), "
               f"{c.rng.choice(TIMEOUTS)})"),
        w.line(f'print("w{me} slept within the timeout")')),
        ("except asyncio.TimeoutError:", lambda: w.line(f'print("w{me} timed out")')))


def emit_queue(c):
    w, me, rng = c.w, c.me, c.rng
    q = rng.randrange(c.prog.queues)
    timeout = rng.choice(TIMEOUTS)
    if rng.random() < 0.5:
        body = lambda: (
            w.line(f'await asyncio.wait_for(q{q}.put("w{me}-{rng.randint(0, 99)}"), {timeout})'),
            w.line(f'print("w{me} put on q{q}")'))
        what = "put"
    else:
        body = lambda: (
            w.line(f"item = await asyncio.wait_for(q{q}.get(), {timeout})"),
            w.line(f'print("w{me} got", item, "from q{q}")'))
        what = "get"
    block(w, "try:", body, ("except asyncio.TimeoutError:",
                            lambda: w.line(f'print("w{me} {what} on q{q} timed out")')))


def emit_await_earlier(c):
    w, me = c.w, c.me
    other = c.rng.randrange(me)

    def on_cancel():
        block(w, f'if tasks["w{other}"].cancelled():',
              lambda: w.line(f'print("w{me} saw w{other} cancelled")'),
              ("else:", lambda: w.line("raise")))

    block(w, "try:", lambda: (
        w.line(f'value = await tasks["w{other}"]'),
        w.line(f'print("w{me} saw w{other} return", value)')),
        ("except asyncio.CancelledError:", on_cancel),
        ("except FuzzError as e:", lambda: w.line(f'print("w{me} saw w{other} fail:", e)')))


def emit_cancel(c):
    other = c.rng.choice([i for i in range(c.prog.workers) if i != c.me])
    msg = c.rng.choice(["", "", f'"{c.rng.choice(MESSAGES)}"'])
    c.w.line(f'print("w{c.me} cancels w{other}:", tasks["w{other}"].cancel({msg}))')


def emit_lock(c):
    w, me, rng = c.w, c.me, c.rng
    kind = rng.choice(["lock", "sem", "bsem"])

    def held():
        w.line(f'print("w{me} holds {kind}")')
        w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")

    def body():
        w.line(f"async with asyncio.timeout({rng.choice(TIMEOUTS)}):")
        w.indent()
        block(w, f"async with {kind}:", held)
        w.dedent()
        w.line(f'print("w{me} released {kind}")')

    block(w, "try:", body, ("except TimeoutError:",
                            lambda: w.line(f'print("w{me} gave up on {kind}")')))


def emit_bsem_release(c):
    w, me = c.w, c.me
    block(w, "try:", lambda: (w.line("bsem.release()"), w.line(f'print("w{me} released bsem")')),
          ("except ValueError as e:", lambda: w.line(f'print("w{me} bsem:", e)')))


def emit_event(c):
    w, me, rng = c.w, c.me, c.rng
    choice = rng.choice(["wait", "wait", "set", "clear"])
    if choice == "set":
        w.line(f'print("w{me} sets the event, was set:", event.is_set())')
        w.line("event.set()")
    elif choice == "clear":
        w.line("event.clear()")
    else:
        block(w, "try:", lambda: (
            w.line(f"await asyncio.wait_for(event.wait(), {rng.choice(TIMEOUTS)})"),
            w.line(f'print("w{me} saw the event")')),
            ("except asyncio.TimeoutError:", lambda: w.line(f'print("w{me} event wait timed out")')))


def emit_condition(c):
    w, me, rng = c.w, c.me, c.rng
    if rng.random() < 0.5:
        call = rng.choice(["notify()", "notify(2)", "notify_all()"])
        block(w, "async with cond:", lambda: (
            w.line(f"cond.{call}"), w.line(f'print("w{me} notified")')))
        return

    def body():
        block(w, "async with cond:", lambda: (
            w.line(f"await asyncio.wait_for(cond.wait(), {rng.choice(TIMEOUTS)})"),
            w.line(f'print("w{me} woke up, locked:", cond.locked())')))

    block(w, "try:", body, ("except asyncio.TimeoutError:",
                            lambda: w.line(f'print("w{me} condition wait timed out")')))


def leaf_call(c, name=None):
    """leaf("w1-2", delay, outcome) with a fresh name."""
    outcome = c.rng.choice(["return", "return", "raise"])
    return f'leaf("{name or c.tag()}", {c.rng.choice(DELAYS)}, "{outcome}")'


def emit_taskgroup(c):
    w, me, rng = c.w, c.me, c.rng

    def body():
        w.line("async with asyncio.TaskGroup() as tg:")
        w.indent()
        for _ in range(rng.randint(1, 3)):
            tag = c.tag()
            w.line(f'tg.create_task({leaf_call(c, tag)}, name="{tag}")')
        if rng.random() < 0.5:
            w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
        w.dedent()
        w.line(f'print("w{me} group done")')

    block(w, "try:", body, ("except Exception as e:", lambda: (
        w.line(f'print("w{me} group failed:", type(e).__name__, e)'),
        w.line("for sub in e.exceptions:"),
        w.line("    print(\"  \", type(sub).__name__, sub)"))))


def emit_subtasks(c, count):
    """Creates `count` named leaf tasks; returns their variable names."""
    names = []
    for _ in range(count):
        tag = c.tag()
        var = tag.replace("-", "_")
        c.w.line(f'{var} = asyncio.create_task({leaf_call(c, tag)}, name="{tag}")')
        # Retrieved, except in --gc programs (then 30% are not, and the
        # failure is reported when the task dies: at once, or at the
        # collection points when a traceback cycle keeps the worker's frame).
        # Known gap, why it is opt-in: cycles through asyncio's own frames
        # (Lock.acquire's future keeps its CancelledError, whose traceback
        # keeps the worker's frame) that the engine's native asyncio lacks.
        if not c.prog.gc or c.rng.random() < 0.7:
            c.w.line(f"{var}.add_done_callback(retrieve)")
        names.append(var)
    return names


def emit_shield(c):
    w, me = c.w, c.me
    [inner] = emit_subtasks(c, 1)
    block(w, "try:", lambda: (
        w.line(f"value = await asyncio.wait_for(asyncio.shield({inner}), {c.rng.choice(TIMEOUTS)})"),
        w.line(f'print("w{me} shielded task gave", value)')),
        ("except asyncio.TimeoutError:",
         lambda: w.line(f'print("w{me} shield timed out, inner done:", {inner}.done())')),
        ("except FuzzError as e:", lambda: w.line(f'print("w{me} shielded task failed:", e)')))


def emit_wait(c):
    w, me, rng = c.w, c.me, c.rng
    subs = emit_subtasks(c, rng.randint(1, 3))
    when = rng.choice(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"])
    timeout = rng.choice(["None", "None"] + TIMEOUTS)
    w.line(f"done, pending = await asyncio.wait([{', '.join(subs)}], "
           f"timeout={timeout}, return_when=asyncio.{when})")
    w.line(f'print("w{me} wait:", sorted(t.get_name() for t in done), '
           f'sorted(t.get_name() for t in pending))')
    if rng.random() < 0.5:
        w.line("for t in sorted(pending, key=lambda t: t.get_name()):")
        w.line("    t.cancel()")


def emit_as_completed(c):
    w, me, rng = c.w, c.me, c.rng
    subs = emit_subtasks(c, rng.randint(1, 3))
    timeout = rng.choice(["None"] + TIMEOUTS)

    def body():
        w.line(f"for f in asyncio.as_completed([{', '.join(subs)}], timeout={timeout}):")
        w.indent()
        block(w, "try:", lambda: w.line(f'print("w{me} as_completed gave", await f)'),
              ("except FuzzError as e:", lambda: w.line(f'print("w{me} as_completed error", e)')))
        w.dedent()

    block(w, "try:", body, ("except asyncio.TimeoutError:",
                            lambda: w.line(f'print("w{me} as_completed timed out")')))


def emit_timeout(c):
    w, me, rng = c.w, c.me, c.rng
    if rng.random() < 0.5:
        cm = f"asyncio.timeout({rng.choice(TIMEOUTS + ['None'])})"
    else:
        cm = f"asyncio.timeout_at(asyncio.get_running_loop().time() + {rng.choice(TIMEOUTS)})"

    def inside():
        w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
        if rng.random() < 0.3:
            w.line(f"cm.reschedule(asyncio.get_running_loop().time() + {rng.choice(TIMEOUTS)})")
            w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
        w.line(f'print("w{me} finished inside the timeout")')

    def body():
        block(w, f"async with {cm} as cm:", inside)
        w.line(f'print("w{me} timeout expired:", cm.expired())')

    block(w, "try:", body, ("except TimeoutError:", lambda: w.line(f'print("w{me} timeout fired")')))


def emit_callbacks(c):
    w, rng = c.w, c.rng
    w.line("loop = asyncio.get_running_loop()")
    for _ in range(rng.randint(1, 3)):
        tag = c.tag()
        kind = rng.choice(["soon", "later", "later", "at", "class", "print"])
        if kind == "soon":
            w.line(f'h = loop.call_soon(note, "{tag}")')
        elif kind == "later":
            w.line(f'h = loop.call_later({rng.choice(DELAYS)}, note, "{tag}")')
        elif kind == "at":
            w.line(f'h = loop.call_at(loop.time() + {rng.choice(DELAYS)}, note, "{tag}")')
        elif kind == "class":
            w.line(f'h = loop.call_soon(FuzzError, "{tag}")')
        else:
            w.line(f'h = loop.call_soon(print, "{tag} printed by a callback")')
        if rng.random() < 0.4:
            w.line("h.cancel()")
            w.line(f'print("w{c.me} cancelled a handle:", h.cancelled())')


def emit_future(c):
    w, me, rng = c.w, c.me, c.rng
    tag = c.tag()
    w.line("loop = asyncio.get_running_loop()")
    w.line("fut = loop.create_future()")
    how = rng.choice(["resolve", "resolve", "fail"])
    w.line(f'loop.call_later({rng.choice(DELAYS)}, {how}, fut, "{tag}")')
    if rng.random() < 0.5:
        w.line("fut.add_done_callback(on_done)")
        if rng.random() < 0.4:
            w.line(f'print("w{me} removed callbacks:", fut.remove_done_callback(on_done))')
    block(w, "try:", lambda: w.line(
        f'print("w{me} future gave", await asyncio.wait_for(fut, {rng.choice(TIMEOUTS)}))'),
        ("except asyncio.TimeoutError:", lambda: w.line(f'print("w{me} future timed out")')),
        ("except FuzzError as e:", lambda: w.line(f'print("w{me} future failed:", e)')))


def emit_task_callback(c):
    other = c.rng.randrange(c.prog.workers)
    c.w.line(f'tasks["w{other}"].add_done_callback(on_done)')
    if c.rng.random() < 0.3:
        c.w.line(f'print("w{c.me} removed:", tasks["w{other}"].remove_done_callback(on_done))')


def emit_gather_cancel(c):
    w, me, rng = c.w, c.me, c.rng
    calls = [leaf_call(c) for _ in range(rng.randint(1, 3))]
    flag = ", return_exceptions=True" if rng.random() < 0.4 else ""
    w.line(f"g = asyncio.gather({', '.join(calls)}{flag})")
    w.line("g.add_done_callback(retrieve)")  # see emit_subtasks
    msg = rng.choice(["", f'"{rng.choice(MESSAGES)}"'])
    if rng.random() < 0.5:
        w.line(f"asyncio.get_running_loop().call_later({rng.choice(DELAYS)}, g.cancel{', ' + msg if msg else ''})")
    else:
        w.line(f"await asyncio.sleep({rng.choice(DELAYS)})")
        w.line(f'print("w{me} cancels its gather:", g.cancel({msg}))')

    def on_cancel():
        w.line(f'print("w{me} gather cancelled", e.args)')
        if rng.random() < 0.5:
            w.line("if asyncio.current_task().cancelling():")
            w.line("    raise")

    block(w, "try:", lambda: w.line(f'print("w{me} gather gave", await g)'),
          ("except asyncio.CancelledError as e:", on_cancel),
          ("except FuzzError as e:", lambda: w.line(f'print("w{me} gather failed:", e)')))


def emit_chain(c):
    w, me, rng = c.w, c.me, c.rng
    k = rng.randrange(c.prog.chains)
    block(w, "try:", lambda: w.line(f'print("w{me} chain gave", await chain{k}_0("{c.tag()}"))'),
          ("except FuzzError as e:", lambda: w.line(f'print("w{me} chain failed:", e, repr(e.__cause__))')))


def emit_finally(c):
    w, me = c.w, c.me
    if c.depth >= 2:
        emit_sleep(c)
        return
    c.depth += 1
    block(w, "try:", lambda: [emit_operation(c) for _ in range(c.rng.randint(1, 3))],
          ("finally:", lambda: w.line(f'print("w{me} finally at step", step)')))
    c.depth -= 1


def emit_loop(c):
    c.w.line(f"for i in range({c.rng.randint(1, 3)}):")
    c.w.indent()
    emit_sleep(c)
    emit_print(c)
    c.w.dedent()


def emit_barrier(c):
    w, me, rng = c.w, c.me, c.rng
    if rng.random() < 0.15:
        w.line(f'print("w{me} aborts the barrier")')
        w.line("await barrier.abort()")
        return
    block(w, "try:", lambda: (
        w.line(f"pos = await asyncio.wait_for(barrier.wait(), {rng.choice(TIMEOUTS)})"),
        w.line(f'print("w{me} passed the barrier at", pos)')),
        ("except asyncio.TimeoutError:", lambda: w.line(f'print("w{me} barrier wait timed out")')),
        ("except asyncio.BrokenBarrierError:", lambda: w.line(f'print("w{me} barrier broken")')))


def emit_dropped_task(c):
    """A task nobody keeps: its failure (if any) is reported when it dies;
    one still pending when the loop closes is destroyed pending."""
    make = c.rng.choice(["asyncio.create_task", "asyncio.ensure_future"])
    c.w.line(f"{make}({leaf_call(c)})")


def emit_all_tasks(c):
    c.w.line(f'print("w{c.me} sees", len(asyncio.all_tasks()), "unfinished tasks")')


# (emitter, weight, whether the program shape allows it)
OPERATIONS = [
    (emit_sleep, 3, lambda c: True),
    (emit_print, 3, lambda c: True),
    (emit_block, 1, lambda c: True),
    (emit_raise, 1, lambda c: True),
    (emit_loop, 1, lambda c: True),
    (emit_wait_for_sleep, 1, lambda c: True),
    (emit_queue, 3, lambda c: c.prog.queues > 0),
    (emit_await_earlier, 1, lambda c: c.me > 0),
    (emit_cancel, 1, lambda c: True),
    (emit_lock, 2, lambda c: True),
    (emit_bsem_release, 1, lambda c: True),
    (emit_event, 2, lambda c: True),
    (emit_condition, 2, lambda c: True),
    (emit_taskgroup, 1, lambda c: True),
    (emit_shield, 1, lambda c: True),
    (emit_wait, 1, lambda c: True),
    (emit_as_completed, 1, lambda c: True),
    (emit_timeout, 2, lambda c: True),
    (emit_callbacks, 1, lambda c: True),
    (emit_future, 2, lambda c: True),
    (emit_task_callback, 1, lambda c: True),
    (emit_gather_cancel, 2, lambda c: True),
    (emit_chain, 2, lambda c: True),
    (emit_finally, 1, lambda c: True),
    (emit_barrier, 1, lambda c: True),
    (emit_dropped_task, 1, lambda c: True),
    (emit_all_tasks, 1, lambda c: True),
]


def emit_operation(c):
    allowed = [(f, wt) for f, wt, ok in OPERATIONS if ok(c)]
    emitters = [f for f, _ in allowed]
    weights = [wt for _, wt in allowed]
    c.rng.choices(emitters, weights)[0](c)
