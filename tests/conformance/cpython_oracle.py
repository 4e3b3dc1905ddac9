#!/usr/bin/env python3
"""CPython reference oracle for loopscope transcripts.

Runs an asyncio program under the real asyncio package of this python3, on
an event loop with a virtual clock, and prints the transcript described in
/work/shared/TRACE_FORMAT.md (plain, or with --trace every event line too).
The exact text of every line, and every choice the format leaves open, is
written down in ORACLE_NOTES.md next to this file.

    python3 cpython_oracle.py FILE.py [--trace] [--max-iters=N]
        [--max-time=T] [--heap-ties] [--c-accel | --bare]
    python3 cpython_oracle.py --version     (the exact CPython it runs on)

Only CPython 3.11 is accepted (any other version: a message, exit 2).

--c-accel keeps asyncio's C accelerator and --bare skips the Future/Task
instrumentation; both print only the plain transcript and exist to check
that the instrumented pure-Python run schedules exactly like them.

Exit status: the program's (0, or 1 for an uncaught exception), 2 usage or
compile error, 3 deadlock, 4 limit.

Standard library only.  Nothing is patched on disk: the oracle subclasses
BaseEventLoop and wraps asyncio's pure-Python classes at run time.
"""

import os
import sys

USAGE = ("usage: cpython_oracle.py FILE.py [--trace] [--max-iters=N] "
         "[--max-time=T] [--heap-ties] [--c-accel | --bare]\n"
         "       cpython_oracle.py --version\n")

# The reference is CPython 3.11 (TRACE_FORMAT.md); any patch release runs,
# and --version names the exact one (cases/NAME.patch marks the cases whose
# transcript depends on it).
PYTHON_VERSION = "%d.%d.%d" % sys.version_info[:3]


def check_python_version():
    if sys.version_info[:2] != (3, 11):
        sys.stderr.write(f"cpython_oracle.py: error: the reference is "
                         f"CPython 3.11, but this python3 is "
                         f"{PYTHON_VERSION} ({sys.executable})\n")
        sys.exit(2)


check_python_version()

# Defaults chosen so that any sensible lesson program finishes long before
# them, while a runaway program stops after a few seconds of real time.
DEFAULT_MAX_ITERS = 1_000_000
DEFAULT_MAX_TIME = 1_000_000.0

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_DEADLOCK, EXIT_LIMIT = 0, 1, 2, 3, 4

# Marks the re-executed child so that the re-exec happens only once.
_CHILD_MARK = "LOOPSCOPE_ORACLE_CHILD"


class Options:
    """The parsed command line."""

    def __init__(self):
        self.file = None
        self.trace = False
        self.max_iters = DEFAULT_MAX_ITERS
        self.max_time = DEFAULT_MAX_TIME
        self.heap_ties = False
        self.c_accel = False
        self.bare = False


def _usage_error(message):
    sys.stderr.write(f"cpython_oracle.py: error: {message}\n{USAGE}")
    sys.exit(EXIT_USAGE)


def _parse_positive(text, convert, name):
    try:
        value = convert(text)
    except ValueError:
        _usage_error(f"{name} needs a number, got {text!r}")
    if not value > 0:
        _usage_error(f"{name} must be positive")
    return value


def parse_command_line(argv):
    opts = Options()
    for arg in argv:
        if arg == "--trace":
            opts.trace = True
        elif arg == "--heap-ties":
            opts.heap_ties = True
        elif arg == "--c-accel":
            opts.c_accel = True
        elif arg == "--bare":
            opts.bare = True
        elif arg.startswith("--max-iters="):
            opts.max_iters = _parse_positive(arg.split("=", 1)[1], int,
                                             "--max-iters")
        elif arg.startswith("--max-time="):
            opts.max_time = _parse_positive(arg.split("=", 1)[1], float,
                                            "--max-time")
        elif arg == "--version":
            sys.stdout.write(f"cpython_oracle.py on CPython "
                             f"{PYTHON_VERSION}\n")
            sys.exit(EXIT_OK)
        elif arg in ("-h", "--help"):
            sys.stdout.write(USAGE)
            sys.exit(EXIT_OK)
        elif arg.startswith("-"):
            _usage_error(f"unknown option {arg}")
        elif opts.file is None:
            opts.file = arg
        else:
            _usage_error("only one program file may be given")
    if opts.file is None:
        _usage_error("no program file given")
    if (opts.c_accel or opts.bare) and opts.trace:
        _usage_error("--trace needs the instrumented pure-Python Task; "
                     "it cannot be combined with --c-accel or --bare")
    return opts


def ensure_deterministic_interpreter():
    """Re-execute under a fixed hash seed and a clean PYTHON* environment.

    str hashes (and so the iteration order of sets of strings) depend on
    PYTHONHASHSEED, and variables such as PYTHONASYNCIODEBUG or
    PYTHONWARNINGS change what asyncio and warnings do.  Running the
    interpreter again with a known environment makes the output a function
    of the program file alone.
    """
    if os.environ.get(_CHILD_MARK) == "1":
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env[_CHILD_MARK] = "1"
    script = os.path.abspath(__file__)
    args = [sys.executable, "-B", script] + sys.argv[1:]
    sys.stdout.flush()
    os.execve(sys.executable, args, env)


OPTS = parse_command_line(sys.argv[1:])
ensure_deterministic_interpreter()

if not OPTS.c_accel:
    # Block the C accelerator before asyncio is imported: asyncio then uses
    # its pure-Python Future and Task, whose every step can be observed.
    sys.modules["_asyncio"] = None

import asyncio  # noqa: E402  (must follow the _asyncio block above)
import functools  # noqa: E402
import gc  # noqa: E402
import heapq  # noqa: E402
import io  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402
import weakref  # noqa: E402
from asyncio import base_events, coroutines, events, futures  # noqa: E402
from asyncio import locks, queues, taskgroups, tasks, timeouts  # noqa: E402

import sim_threads  # noqa: E402  (threads in virtual time, beside this file)
import sim_net  # noqa: E402  (the network in virtual time, beside this file)
import sim_clock  # noqa: E402  (wall clock, time zone, uuid4; beside this file)
import sim_proc  # noqa: E402  (subprocesses: real commands, run at once)
import sim_accel  # noqa: E402  (the C Future's frames; beside this file)

PURE = not OPTS.c_accel
# Future and Task are instrumented unless the run is a self-check without
# instrumentation (--c-accel, --bare): then futures are labelled from the
# loop's create_future/create_task only.
HOOKED = PURE and not OPTS.bare
TRACE = OPTS.trace
THIS_FILE = os.path.abspath(__file__)
if THIS_FILE.endswith((".pyc", ".pyo")):
    THIS_FILE = THIS_FILE[:-1]
ASYNCIO_DIR = os.path.dirname(os.path.abspath(asyncio.__file__)) + os.sep
# The simulated libraries written in Python, shared with the engine.
LIBRARY_DIR = os.path.normpath(os.path.join(os.path.dirname(THIS_FILE), "..", "..",
                                            "engine", "script", "lib"))

if PURE:
    assert tasks.Task is tasks._PyTask, "C Task still in use"
    assert futures.Future is futures._PyFuture, "C Future still in use"

PyFuture = futures._PyFuture
PyTask = tasks._PyTask
if PURE:
    # python3's Future and Task are the C accelerator's: _asyncio.Future.
    PyFuture.__module__ = PyTask.__module__ = "_asyncio"
# Both implementations are recognised when labelling (only one is in use).
TASK_TYPES = (tasks._PyTask, tasks.Task)
FUTURE_TYPES = (futures._PyFuture, futures.Future)


# ---------------------------------------------------------------------------
# Virtual clock and transcript output
# ---------------------------------------------------------------------------

class Clock:
    """The one virtual clock: loop.time() and the time module read it."""
    now = 0.0


CLOCK = Clock()

_ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+")


class Transcript:
    """Writes transcript lines, each stamped with the virtual clock."""

    def __init__(self, stream, trace):
        self._stream = stream
        self.trace = trace

    def _line(self, body):
        line = _ADDRESS.sub(" at 0x?", f"[{CLOCK.now:.6f}] {body}")
        try:
            self._stream.write(line.encode("utf-8", "backslashreplace")
                               + b"\n")
        except BrokenPipeError:
            # The reader is gone (e.g. `| head`): nothing more can be shown,
            # and the error must not surface inside the program.
            os._exit(EXIT_ERROR)

    def out(self, text):
        # Escape program lines that would read as a DIAG or EVENT line.
        if text[:1] in ("~", "!", "\\"):
            text = "\\" + text
        self._line(text)

    def diag(self, text):
        self._line("! " + text)

    def event(self, text):
        if self.trace:
            self._line("~ " + text)

    def flush(self):
        try:
            self._stream.flush()
        except BrokenPipeError:
            os._exit(EXIT_ERROR)


T = Transcript(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), TRACE)


class LineSink(io.TextIOBase):
    """A text stream that turns each complete line into one transcript line.

    Used for sys.stdout (OUT lines) and sys.stderr (`stderr` DIAG lines).
    A line is stamped when its newline is written; flush() does not emit a
    partial line, finish() does (at exit).
    """

    def __init__(self, emit):
        super().__init__()
        self._emit = emit
        self._pending = []

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not "
                            f"{type(s).__name__}")
        pieces = s.split("\n")
        for piece in pieces[:-1]:
            self._pending.append(piece)
            line = "".join(self._pending)
            self._pending = []
            self._emit(line)
        if pieces[-1]:
            self._pending.append(pieces[-1])
        return len(s)

    def flush(self):
        pass

    def finish(self):
        if self._pending:
            line = "".join(self._pending)
            self._pending = []
            self._emit(line)


STDOUT = LineSink(T.out)
STDERR = LineSink(lambda line: T.diag("stderr " + line))


def finish(code, diag=None):
    """Flush everything and leave at once.

    os._exit skips interpreter finalisation on purpose: what the garbage
    collector or module teardown would print after the program is over is
    not part of the transcript (see ORACLE_NOTES.md, "End of the run").
    """
    STDOUT.finish()
    STDERR.finish()
    if diag is not None:
        T.diag(diag)
    T.flush()
    os._exit(code)


# ---------------------------------------------------------------------------
# Global numbering state
# ---------------------------------------------------------------------------

class State:
    serial = 0          # creation number of every Future and Task (hash)
    future_count = 0    # F#n for non-Task futures
    handle_count = 0    # h#n for every handle
    iterations = 0      # iter N, counted over the whole run
    object_counts = {}  # per type name: Queue#1, Event#2, ...
    announcing = None   # Task whose __init__ is running (for `task+`)


def next_serial():
    State.serial += 1
    return State.serial


def serial_of(fut):
    """Creation number of a future; assigned on first sight if missing
    (only possible with --c-accel, where some futures are created in C)."""
    n = getattr(fut, "_ls_serial", None)
    if n is None:
        n = next_serial()
        try:
            fut._ls_serial = n
        except AttributeError:
            pass
    return n


# ---------------------------------------------------------------------------
# Rendering: labels, values (V), exceptions (Exc), callbacks (CB), waits (W)
# ---------------------------------------------------------------------------

V_LIMIT = 60


def qualname(obj):
    """__qualname__ without the `.<locals>` parts: `main.<locals>.f` -> `main.f`."""
    name = getattr(obj, "__qualname__", None)
    if not isinstance(name, str):
        name = getattr(obj, "__name__", None)
    if not isinstance(name, str):
        name = type(obj).__qualname__
    return name.replace(".<locals>", "")


def is_task(obj):
    return isinstance(obj, TASK_TYPES)


def is_future(obj):
    return isinstance(obj, FUTURE_TYPES)


def task_label(task):
    return task.get_name()


def future_label(fut):
    if is_task(fut):
        return task_label(fut)
    n = getattr(fut, "_ls_fnum", None)
    if n is None:
        register_future(fut)
        n = getattr(fut, "_ls_fnum", "?")
    return f"F#{n}"


def exc_text(exc):
    """Exc := ExcType[: msg], unqualified type name, newlines escaped."""
    name = type(exc).__name__
    try:
        msg = str(exc)
    except Exception:
        msg = ""
    if not msg:
        return name
    return f"{name}: {escape_newlines(msg)}"


def escape_newlines(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


class _Enough(Exception):
    """Raised when a value rendering already exceeds the V limit."""


class _Budget:
    """Collects the pieces of a rendering and stops once it is too long.

    Rendering is cut off as soon as more than V_LIMIT characters exist, so
    huge or self-referencing containers cost nothing; the final text is the
    same as truncating the complete rendering.
    """

    def __init__(self):
        self.parts = []
        self.size = 0

    def add(self, text):
        self.parts.append(text)
        self.size += len(text)
        if self.size > V_LIMIT:
            raise _Enough()


def _render_into(value, out):
    kind = type(value)
    if value is None or kind in (bool, int, float, str, bytes):
        out.add(repr(value))
    elif is_future(value):
        out.add(future_label(value))
    elif isinstance(value, BaseException):
        out.add(f"<{exc_text(value)}>")
    elif kind is list:
        _render_sequence(value, "[", "]", out)
    elif kind is tuple:
        if len(value) == 1:
            out.add("(")
            _render_into(value[0], out)
            out.add(",)")
        else:
            _render_sequence(value, "(", ")", out)
    elif kind in (set, frozenset):
        _render_set(value, out)
    elif kind is dict:
        _render_dict(value, out)
    else:
        out.add(f"<{kind.__name__}>")


def _render_sequence(items, opener, closer, out):
    out.add(opener)
    for i, item in enumerate(items):
        if i:
            out.add(", ")
        _render_into(item, out)
    out.add(closer)


def _render_dict(value, out):
    out.add("{")
    for i, (key, item) in enumerate(value.items()):
        if i:
            out.add(", ")
        _render_into(key, out)
        out.add(": ")
        _render_into(item, out)
    out.add("}")


def _render_set(value, out):
    # Set iteration order depends on hashes; sort the element renderings so
    # the text does not.
    pieces = sorted(render_value(item, limit=False) for item in value)
    if not pieces:
        out.add("set()" if type(value) is set else "frozenset()")
        return
    if type(value) is frozenset:
        out.add("frozenset(")
    out.add("{")
    for i, piece in enumerate(pieces):
        if i:
            out.add(", ")
        out.add(piece)
    out.add("}")
    if type(value) is frozenset:
        out.add(")")


def render_value(value, limit=True):
    """V: the value rendering, cut to 57 characters + '...' when longer
    than 60 characters."""
    out = _Budget()
    try:
        _render_into(value, out)
    except _Enough:
        pass
    except RecursionError:
        out.parts.append("...")
    text = "".join(out.parts)
    if limit and len(text) > V_LIMIT:
        text = text[:V_LIMIT - 3] + "..."
    return text


def _is_step(fn):
    return getattr(fn, "__func__", None) is _task_step


def _is_wakeup(fn):
    func = getattr(fn, "__func__", None)
    if func is _task_wakeup or func is PyTask.__dict__.get("_Task__wakeup"):
        return True
    # The C accelerator's Task (--c-accel): its bound task_wakeup.
    return (getattr(fn, "__name__", None) == "task_wakeup"
            and isinstance(getattr(fn, "__self__", None), asyncio.Task))


def owner_label(obj):
    """Label of an object whose bound method is a callback, or None."""
    if is_future(obj):
        return future_label(obj)
    if isinstance(obj, (LsHandle, LsTimerHandle)):
        return f"h#{obj._ls_num}"
    return getattr(obj, "_ls_label", None)


def render_callback(callback, args):
    """CB := <Task>.step[(<Exc>)] | <Task>.wakeup(<F>) | <qualname>(<V>, ...)"""
    fn = callback
    args = tuple(args or ())
    keywords = {}
    # functools.partial(f, a)(b) is shown as f(a, b).
    while isinstance(fn, functools.partial):
        args = tuple(fn.args) + args
        keywords = {**fn.keywords, **keywords}
        fn = fn.func
    owner = getattr(fn, "__self__", None)
    if _is_step(fn):
        if args and isinstance(args[0], BaseException):
            return f"{task_label(owner)}.step({exc_text(args[0])})"
        return f"{task_label(owner)}.step"
    if _is_wakeup(fn):
        head = f"{task_label(owner)}.wakeup"
    elif owner is not None and not isinstance(owner, types.ModuleType) \
            and owner_label(owner) is not None:
        head = f"{owner_label(owner)}.{getattr(fn, '__name__', '?')}"
    else:
        head = qualname(fn)
    rendered = [render_value(a) for a in args]
    rendered += [f"{k}={render_value(v)}" for k, v in keywords.items()]
    return f"{head}({', '.join(rendered)})"


def describe_wait(fut):
    """W: what a task waits on (see TRACE_FORMAT.md)."""
    if is_task(fut):
        return f"task {task_label(fut)}"
    label = future_label(fut)
    meta = getattr(fut, "_ls_meta", None) or {"kind": "future"}
    kind = meta["kind"]
    if kind == "sleep":
        return f"sleep {label} until={_time(meta.get('until'))}"
    if kind == "gather":
        return f"gather {label} [{', '.join(meta['items'])}]"
    if kind == "wait_for":
        return (f"wait_for {label} on={meta.get('on', '?')} "
                f"deadline={_time(meta.get('deadline'))}")
    if kind == "wait":
        text = (f"wait {label} [{', '.join(meta['items'])}] "
                f"return_when={meta['return_when']}")
        if meta.get("deadline") is not None:
            text += f" deadline={_time(meta['deadline'])}"
        return text
    if kind in ("shield", "cancel_and_wait"):
        return f"{kind} {label} on={meta.get('on', '?')}"
    if kind == "method":
        return f"{meta['origin']} {label}"
    return f"future {label}"


def _time(value):
    return "?" if value is None else f"{value:.6f}"


def who():
    """WHO: the running task, else the running handle, else '-'."""
    loop = events._get_running_loop()
    if loop is None:
        return "-"
    task = tasks._current_tasks.get(loop)
    if task is not None:
        return task_label(task)
    n = getattr(loop, "_ls_running_handle", None)
    return "-" if n is None else f"h#{n}"


def describe_runnable(obj):
    """The argument of run_until_complete: Task, F#n or coro:qualname."""
    if is_future(obj):
        return future_label(obj)
    if coroutines.iscoroutine(obj):
        return f"coro:{qualname(obj)}"
    return f"<{type(obj).__name__}>"


# ---------------------------------------------------------------------------
# Where a future comes from (the origin of `future+` and the W text)
# ---------------------------------------------------------------------------

def _in_asyncio(frame):
    return frame.f_code.co_filename.startswith(ASYNCIO_DIR)


def _creator_frame():
    """The first frame outside this file, and whether the future was made
    through loop.create_future() on the way."""
    frame = sys._getframe(1)
    via_loop = False
    while frame is not None:
        code = frame.f_code
        if code in _CREATE_FUTURE_CODES:
            via_loop = True
        elif code.co_filename != THIS_FILE:
            break
        frame = frame.f_back
    return frame, via_loop


def _labels_in_creation_order(items):
    return [future_label(f) for f in sorted(items, key=serial_of)]


def classify_future(fut):
    """Return (origin, meta) for a new non-Task future."""
    if isinstance(fut, tasks._GatheringFuture):
        children = [future_label(c) for c in fut._children]
        return "gather", {"kind": "gather", "items": children}
    frame, via_loop = _creator_frame()
    if frame is None or not _in_asyncio(frame):
        origin = "create_future" if via_loop else "Future"
        return origin, {"kind": "future"}
    code = frame.f_code
    if code is tasks.sleep.__code__:
        return "sleep", {"kind": "sleep"}
    if code is _ORIG_GATHER_CODE:
        return "gather", {"kind": "gather", "items": []}
    if code is tasks.wait_for.__code__:
        return "wait_for", {"kind": "wait_for"}
    if code is tasks._wait.__code__:
        local = frame.f_locals
        return "wait", {"kind": "wait",
                        "items": _labels_in_creation_order(local["fs"]),
                        "return_when": str(local["return_when"])}
    if code is tasks._cancel_and_wait.__code__:
        return "cancel_and_wait", {"kind": "cancel_and_wait",
                                   "on": future_label(frame.f_locals["fut"])}
    if code is tasks.shield.__code__:
        return "shield", {"kind": "shield",
                          "on": future_label(frame.f_locals["inner"])}
    owner = frame.f_locals.get("self") if "self" in code.co_varnames else None
    owner = owner_label(owner) if owner is not None else None
    if owner is not None:
        origin = f"{owner}.{code.co_name}"
    else:
        origin = code.co_name
    return origin, {"kind": "method", "origin": origin}


def register_future(fut):
    """Give a non-Task future its F#n and origin, and emit `future+`."""
    if getattr(fut, "_ls_fnum", None) is not None:
        return
    serial_of(fut)
    State.future_count += 1
    fut._ls_fnum = State.future_count
    origin, meta = classify_future(fut)
    fut._ls_meta = meta
    if T.trace:
        T.event(f"future+ F#{fut._ls_fnum} origin={origin} by={who()}")


def _note_timer_for_future(callback, args, when):
    """sleep's and wait's timers tell their futures the deadline."""
    if not args:
        return
    meta = getattr(args[0], "_ls_meta", None)
    if meta is None:
        return
    if callback is futures._set_result_unless_cancelled \
            and meta["kind"] == "sleep":
        meta["until"] = when
    elif callback is tasks._release_waiter \
            and meta["kind"] in ("wait_for", "wait"):
        meta["deadline"] = when


# ---------------------------------------------------------------------------
# Handles: numbered, FIFO ties, cancel events
# ---------------------------------------------------------------------------

def _next_handle_number():
    State.handle_count += 1
    return State.handle_count


class LsHandle(events.Handle):
    """A Handle with its h# number."""

    __slots__ = ("_ls_num", "_ls_ran")

    def __init__(self, callback, args, loop, context=None):
        self._ls_num = _next_handle_number()
        self._ls_ran = False
        super().__init__(callback, args, loop, context)

    def cancel(self):
        # Cancelling a handle that already ran or was cancelled changes
        # nothing a user can see, so it is not an event.
        if T.trace and not self._cancelled and not self._ls_ran:
            T.event(f"handle-cancel h#{self._ls_num} by {who()}")
        super().cancel()


class LsTimerHandle(events.TimerHandle):
    """A TimerHandle with its h# number; ties on _when broken by h#."""

    __slots__ = ("_ls_num", "_ls_ran")

    def __init__(self, when, callback, args, loop, context=None):
        self._ls_num = _next_handle_number()
        self._ls_ran = False
        super().__init__(when, callback, args, loop, context)

    def cancel(self):
        if T.trace and not self._cancelled and not self._ls_ran:
            where = "in heap" if self._scheduled else "not in heap"
            T.event(f"timer-cancel h#{self._ls_num} by {who()} ({where})")
        super().cancel()

    def _key(self):
        return (self._when, self._ls_num)

    if not OPTS.heap_ties:
        # heapq is not stable: equal deadlines would come out in heap order.
        # (when, h#) is a total order, so equal deadlines fire FIFO.
        def __lt__(self, other):
            if isinstance(other, LsTimerHandle):
                return self._key() < other._key()
            return NotImplemented

        def __le__(self, other):
            if isinstance(other, LsTimerHandle):
                return self._key() <= other._key()
            return NotImplemented

        def __gt__(self, other):
            if isinstance(other, LsTimerHandle):
                return self._key() > other._key()
            return NotImplemented

        def __ge__(self, other):
            if isinstance(other, LsTimerHandle):
                return self._key() >= other._key()
            return NotImplemented

        # Defining comparisons resets __hash__; keep TimerHandle's.
        __hash__ = events.TimerHandle.__hash__


# The subclasses carry CPython's names, so that a handle shown as a value
# (V `<TypeName>`) or by type(h).__name__ reads as without the oracle.
for _cls, _name in ((LsHandle, "Handle"), (LsTimerHandle, "TimerHandle")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "asyncio.events"
sim_net.install(LsHandle, CLOCK)


# ---------------------------------------------------------------------------
# The virtual-time event loop
# ---------------------------------------------------------------------------

class _FirstIterOrderWeakSet:
    """The loop's set of live async generators (`_asyncgens`, a WeakSet in
    CPython, iterated in address order) kept in first-iteration order, so
    shutdown_asyncgens closes them deterministically (TRACE_FORMAT.md)."""

    def __init__(self):
        self._refs = {}  # id -> weakref, in insertion order

    def add(self, obj):
        key = id(obj)
        if key not in self._refs:
            self._refs[key] = weakref.ref(obj, lambda _r, k=key: self._refs.pop(k, None))

    def discard(self, obj):
        self._refs.pop(id(obj), None)

    def clear(self):
        self._refs.clear()

    def __len__(self):
        return len(self._refs)

    def __iter__(self):
        return iter([o for o in (r() for r in list(self._refs.values())) if o is not None])


class VirtualEventLoop(sim_net.SelectorLoop):
    """BaseEventLoop whose poll never sleeps: the clock jumps instead.

    _run_once follows BaseEventLoop._run_once step by step (same purge rule,
    same snapshot of the ready queue, same variable lifetimes, which decide
    when objects are freed) and reports each step as an event.
    """

    def __init__(self):
        super().__init__()
        self._asyncgens = _FirstIterOrderWeakSet()
        self._clock_resolution = 1e-9
        self._ls_running_handle = None
        T.event("loop new")

    # -- clock and polling ------------------------------------------------
    def time(self):
        return CLOCK.now

    def _write_to_self(self):
        pass

    # -- scheduling --------------------------------------------------------
    def _call_soon(self, callback, args, context):
        if T.trace:
            self._note_before_soon(callback, args)
        handle = LsHandle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        if T.trace:
            T.event(f"soon h#{handle._ls_num} "
                    f"{render_callback(callback, args)}")
        return handle

    def _note_before_soon(self, callback, args):
        """`task+` (a new task schedules its first step) and `yield` (a
        running task re-schedules itself after a bare yield) come before the
        `soon` line of the step they schedule."""
        if not _is_step(callback):
            return
        task = callback.__self__
        if task is State.announcing and not getattr(task, "_ls_announced",
                                                    False):
            task._ls_announced = True
            T.event(f"task+ {task_label(task)} coro={qualname(task._coro)} "
                    f"by={who()}")
        elif not args and tasks._current_tasks.get(self) is task:
            T.event(f"yield {task_label(task)}")

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = LsTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        _note_timer_for_future(callback, args, when)
        if T.trace:
            T.event(f"timer h#{timer._ls_num} at={when:.6f} "
                    f"{render_callback(callback, args)}")
        return timer

    def create_future(self):
        fut = super().create_future()
        if not HOOKED:
            register_future(fut)
        return fut

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        serial_of(task)
        return task

    # -- running -----------------------------------------------------------
    def run_until_complete(self, future):
        T.event(f"run_until_complete {describe_runnable(future)}")
        try:
            return super().run_until_complete(future)
        finally:
            T.event("run_until_complete end")

    def close(self):
        closing = not self.is_running() and not self._closed
        if closing:
            T.event("loop close")
        super().close()
        if closing:
            # One of the two moments cyclic garbage is collected
            # (TRACE_FORMAT.md, DIAG: objects die).
            gc.collect()

    def _run_once(self):
        if State.iterations >= OPTS.max_iters:
            finish(EXIT_LIMIT, f"limit max-iters={OPTS.max_iters} reached")
        State.iterations += 1
        if T.trace:
            text = (f"iter {State.iterations} ready={len(self._ready)} "
                    f"timers={len(self._scheduled)}")
            if self._timer_cancelled_count:
                text += f" cancelled={self._timer_cancelled_count}"
            T.event(text)

        self._drop_cancelled_timers()
        timeout = self._poll_timeout()
        if self._net_ready():
            timeout = 0  # select() returns at once
        if timeout is None:
            finish(EXIT_DEADLOCK, deadlock_message(self))
        if timeout > 0:
            self._advance(timeout)
        THREADS.deliver()  # what simulated threads sent (the self-pipe)
        self._net_poll(lambda h: T.event(
            f"soon h#{h._ls_num} {render_callback(h._callback, h._args)}"))

        # Timers whose deadline has come move to the end of the ready queue.
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            T.event(f"due h#{handle._ls_num}")

        # Run only what was ready when this point was reached.
        ntodo = len(self._ready)
        for _ in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                T.event(f"skip h#{handle._ls_num} (cancelled)")
                continue
            if T.trace:
                T.event(f"run h#{handle._ls_num} "
                        f"{render_callback(handle._callback, handle._args)}")
            handle._ls_ran = True
            self._ls_running_handle = handle._ls_num
            t0 = self.time()
            try:
                handle._run()
            finally:
                self._ls_running_handle = None
            if self._debug:
                # BaseEventLoop._run_once's slow-callback warning (logged to
                # stderr), with the handle as CB (TRACE_FORMAT.md).
                dt = self.time() - t0
                if dt >= self.slow_callback_duration:
                    cb = render_callback(handle._callback, handle._args)
                    T.diag(f"stderr Executing {cb} took {dt:.3f} seconds")
        handle = None  # same lifetime as in BaseEventLoop._run_once

    def _drop_cancelled_timers(self):
        count = len(self._scheduled)
        if (count > base_events._MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / count >
                base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            # Full rebuild: more than 100 timers and over half cancelled.
            kept, purged = [], []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                    purged.append(handle._ls_num)
                else:
                    kept.append(handle)
            heapq.heapify(kept)
            self._scheduled = kept
            self._timer_cancelled_count = 0
            for n in sorted(purged):
                T.event(f"skip h#{n} (cancelled)")
        else:
            # Cancelled timers leave the heap only when they reach its head.
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False
                T.event(f"skip h#{handle._ls_num} (cancelled)")

    def _poll_timeout(self):
        """What BaseEventLoop would pass to select(): None blocks forever."""
        if self._ready or self._stopping:
            return 0
        when = self._first_wake()
        if when is not None:
            return min(max(0, when - self.time()),
                       base_events.MAXIMUM_SELECT_TIMEOUT)
        return None

    def _first_wake(self):
        """The first timer's deadline or simulated thread's delivery."""
        wakes = [THREADS.next_wake(), sim_net.NET.next_wake(self._selector)]
        if self._scheduled:
            wakes.append(self._scheduled[0]._when)
        wakes = [w for w in wakes if w is not None]
        return min(wakes) if wakes else None

    def _advance(self, timeout):
        """Jump the clock to the first deadline (or by the poll's cap)."""
        if timeout < base_events.MAXIMUM_SELECT_TIMEOUT:
            target = self._first_wake()
        else:
            target = self.time() + timeout
        if target > OPTS.max_time:
            finish(EXIT_LIMIT, f"limit max-time={OPTS.max_time:.6f} reached")
        T.event(f"advance to={target:.6f} (timeout={timeout:.6f})")
        CLOCK.now = target

    # -- diagnostics -------------------------------------------------------
    def default_exception_handler(self, context):
        T.diag(exception_handler_text(context))


# loop.create_future() frames: the oracle's override and BaseEventLoop's.
# The loop presents itself as CPython's default loop on Linux, so that
# type(loop).__name__ and reprs read as they would without the oracle.
VirtualEventLoop.__name__ = "_UnixSelectorEventLoop"
VirtualEventLoop.__qualname__ = "_UnixSelectorEventLoop"
VirtualEventLoop.__module__ = "asyncio.unix_events"

_CREATE_FUTURE_CODES = (VirtualEventLoop.create_future.__code__,
                        base_events.BaseEventLoop.create_future.__code__)


def deadlock_message(loop):
    waits = []
    for task in all_tasks(loop):
        waiter = getattr(task, "_fut_waiter", None)
        what = "?" if waiter is None else describe_wait(waiter)
        waits.append(f"{task_label(task)} waits {what}")
    pending = "; ".join(waits) if waits else "none"
    return f"deadlock nothing is ready and no timer is set; pending: {pending}"


def exception_handler_text(context):
    message = context.get("message") or "Unhandled exception in event loop"
    handle = context.get("handle")
    if message.startswith("Exception in callback ") and handle is not None:
        # CPython's text names the callback's source file; use CB instead.
        message = ("Exception in callback "
                   + render_callback(handle._callback, handle._args))
    elif " has errored out but its parent task " in message:
        message = _taskgroup_message(context, message)
    parts = [f"asyncio {escape_newlines(message)}"]
    if context.get("task") is not None:
        parts.append(f"task={future_label(context['task'])}")
    if context.get("future") is not None:
        parts.append(f"future={future_label(context['future'])}")
    if handle is not None and hasattr(handle, "_ls_num"):
        parts.append(f"handle=h#{handle._ls_num}")
    if context.get("exception") is not None:
        parts.append(f"exception={exc_text(context['exception'])}")
    return " ".join(parts)


_PARENT_TASK = re.compile(r"parent task (<.*>) is already completed$")


def _taskgroup_message(context, message):
    """TaskGroup's message holds task reprs with file paths; use labels."""
    task = context.get("task")
    match = _PARENT_TASK.search(message)
    parent = "?"
    if match:
        name = re.search(r"name='([^']*)'", match.group(1))
        parent = name.group(1) if name else "?"
    child = future_label(task) if task is not None else "?"
    return (f"Task {child} has errored out but its parent task {parent} "
            f"is already completed")


class VirtualPolicy(events.BaseDefaultEventLoopPolicy):
    """asyncio.run / new_event_loop / get_event_loop get the virtual loop."""
    _loop_factory = VirtualEventLoop


# Presented under the name of CPython's default policy on Linux.
VirtualPolicy.__name__ = "_UnixDefaultEventLoopPolicy"
VirtualPolicy.__qualname__ = "_UnixDefaultEventLoopPolicy"
VirtualPolicy.__module__ = "asyncio.unix_events"


# ---------------------------------------------------------------------------
# Future and Task instrumentation (pure-Python classes only)
# ---------------------------------------------------------------------------

_ORIG = {}


def _wrap(cls, name, replacement):
    """Replace cls.name; the replacement keeps the original's names so
    that callbacks render as e.g. `F#1.set_result(21)`."""
    original = cls.__dict__[name]
    _ORIG[(cls, name)] = original
    replacement.__name__ = original.__name__
    replacement.__qualname__ = original.__qualname__
    setattr(cls, name, replacement)


def _future_init(self, *, loop=None):
    self._ls_serial = next_serial()
    _ORIG[(PyFuture, "__init__")](self, loop=loop)
    if not isinstance(self, (PyTask, tasks._GatheringFuture)):
        register_future(self)


def _future_hash(self):
    return serial_of(self)


def _done_text(fut, what):
    if is_task(fut):
        return f"done {task_label(fut)} {what}"
    return f"resolve {future_label(fut)} {what}"


def _future_set_result(self, result):
    if T.trace and self._state == futures._PENDING:
        T.event(_done_text(self, f"result={render_value(result)}"))
    return _ORIG[(PyFuture, "set_result")](self, result)


def _future_set_exception(self, exception):
    if T.trace and self._state == futures._PENDING:
        if isinstance(exception, type):
            shown = exception.__name__  # instantiated by the original
        else:
            shown = exc_text(exception)
        T.event(_done_text(self, f"raise={shown}"))
    return _ORIG[(PyFuture, "set_exception")](self, exception)


def _future_cancel(self, msg=None):
    if T.trace and self._state == futures._PENDING:
        T.event(_done_text(self, "cancelled"))
    return _ORIG[(PyFuture, "cancel")](self, msg=msg)


def _future_add_done_callback(self, fn, *, context=None):
    if _is_wakeup(fn):
        if T.trace:
            T.event(f"wait {task_label(fn.__self__)} on {describe_wait(self)}")
    elif isinstance(fn, functools.partial) and \
            fn.func is tasks._release_waiter and fn.args:
        # wait_for / _cancel_and_wait: the future they wait on.
        meta = getattr(fn.args[0], "_ls_meta", None)
        if meta is not None and meta["kind"] in ("wait_for",
                                                 "cancel_and_wait"):
            meta["on"] = future_label(self)
    return _ORIG[(PyFuture, "add_done_callback")](self, fn, context=context)


def _task_init(self, coro, *, loop=None, name=None, context=None):
    saved = State.announcing
    State.announcing = self
    try:
        _ORIG[(PyTask, "__init__")](self, coro, loop=loop, name=name,
                                    context=context)
    finally:
        State.announcing = saved


def _would_cancel(fut):
    """Whether fut.cancel() will return True (decides `-> W`)."""
    if fut.done():
        return False
    if isinstance(fut, tasks._GatheringFuture):
        return any(_would_cancel(child) for child in fut._children)
    return True


def _task_cancel(self, msg=None):
    if T.trace:
        T.event(_cancel_text(self, msg))
    return _ORIG[(PyTask, "cancel")](self, msg=msg)


def _cancel_text(task, msg):
    head = f"cancel {task_label(task)} by {who()}"
    if msg is not None:
        head += f" msg={render_value(msg)}"
    if task.done():
        return f"{head} n={task._num_cancels_requested} noop (done)"
    head += f" n={task._num_cancels_requested + 1}"
    waiter = task._fut_waiter
    if waiter is not None and _would_cancel(waiter):
        return f"{head} -> {describe_wait(waiter)}"
    return f"{head} must_cancel"


def _task_uncancel(self):
    result = _ORIG[(PyTask, "uncancel")](self)
    T.event(f"uncancel {task_label(self)} -> {result}")
    return result


def _task_set_name(self, value):
    old = self._name
    _ORIG[(PyTask, "set_name")](self, value)
    if self._name != old:  # set_name with the current name is no event
        T.event(f"rename {old} -> {self._name}")


def _task_wakeup(self, future):
    if T.trace:
        result = None
        if future._state == futures._FINISHED and future._exception is None:
            result = render_value(future._result)
        self._ls_wake = (describe_wait(future), result)
    # As the C task_wakeup: the future's exception goes to __step with the
    # traceback it was set with, no frame of this call chain added.
    error = sim_accel.outcome(future)
    if error is None:
        self._Task__step()
    else:
        self._Task__step(error)
    self = future = error = None


def _task_step(self, exc=None):
    wake = self.__dict__.pop("_ls_wake", None)
    if T.trace:
        T.event(f"step {task_label(self)} {_step_cause(self, exc, wake)}")
    self._ls_started = True
    _ORIG[(PyTask, "_Task__step")](self, exc)
    self = exc = wake = None  # see _task_wakeup


def _step_cause(task, exc, wake):
    # 3.11's __step keeps a CancelledError it is woken with (a second
    # cancel() then changes nothing); it makes one only otherwise.
    if task._must_cancel and not isinstance(exc,
                                            asyncio.CancelledError):
        return "<- cancel (must_cancel)"
    if wake is not None:
        waited, result = wake
        if exc is None:
            return f"<- {waited} result={result}"
        return f"<- {waited} raise={exc_text(exc)}"
    if exc is not None:
        return f"<- raise={exc_text(exc)}"
    if not getattr(task, "_ls_started", False):
        return "start"
    return "<- yield"


def _gathering_init(self, children, *, loop):
    _ORIG[(tasks._GatheringFuture, "__init__")](self, children, loop=loop)
    register_future(self)


def instrument_futures():
    if HOOKED:
        _wrap(PyFuture, "__init__", _future_init)
        PyFuture.__hash__ = _future_hash
        _wrap(PyFuture, "set_result", _future_set_result)
        _wrap(PyFuture, "set_exception", _future_set_exception)
        _wrap(PyFuture, "cancel", _future_cancel)
        _wrap(PyFuture, "add_done_callback", _future_add_done_callback)
        _wrap(PyTask, "__init__", _task_init)
        _wrap(PyTask, "cancel", _task_cancel)
        _wrap(PyTask, "uncancel", _task_uncancel)
        _wrap(PyTask, "set_name", _task_set_name)
        _wrap(PyTask, "_Task__wakeup", _task_wakeup)
        _wrap(PyTask, "_Task__step", _task_step)
        sim_accel.install(PyFuture, _ORIG)
    _wrap(tasks._GatheringFuture, "__init__", _gathering_init)
    # Reprs name the wakeup callback as the C accelerator python3 really
    # uses does: `<Future pending cb=[Task.task_wakeup()]>`.
    PyTask._Task__wakeup.__qualname__ = "Task.task_wakeup"


# ---------------------------------------------------------------------------
# Determinism measures: creation order wherever CPython iterates a set
# ---------------------------------------------------------------------------

class CreationOrderedSet(set):
    """A set of futures that iterates in creation order.

    CPython iterates these sets in hash (address) order; the reference
    iterates them in creation order (TRACE_FORMAT.md, determinism measures).
    """

    def __iter__(self):
        return iter(sorted(set.__iter__(self), key=serial_of))

    def __repr__(self):
        if not self:
            return "set()"
        return "{" + ", ".join(repr(item) for item in self) + "}"


# A program that asks sees a set, as under python3: type(done).__name__.
CreationOrderedSet.__name__ = CreationOrderedSet.__qualname__ = "set"
CreationOrderedSet.__module__ = "builtins"


def all_tasks(loop=None):
    """tasks.all_tasks, in creation order."""
    if loop is None:
        loop = events.get_running_loop()
    return CreationOrderedSet(
        t for t in list(tasks._all_tasks)
        if futures._get_loop(t) is loop and not t.done())


_ORIG_WAIT = tasks.wait


async def wait(fs, *, timeout=None, return_when=tasks.ALL_COMPLETED):
    """asyncio.wait whose done and pending sets iterate in creation order."""
    done, pending = await _ORIG_WAIT(fs, timeout=timeout,
                                     return_when=return_when)
    return CreationOrderedSet(done), CreationOrderedSet(pending)


_ORIG_AS_COMPLETED = tasks.as_completed


def as_completed(fs, *, timeout=None):
    """asyncio.as_completed that wraps coroutines in tasks in argument order.

    CPython wraps them while iterating set(fs), i.e. in address order.  The
    tasks are created at the same moment (first next()), before the
    original builds its (then order-free) set.
    """
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        yield from _ORIG_AS_COMPLETED(fs, timeout=timeout)
        return
    loop = events._get_event_loop()
    wrapped = {}
    for item in fs:
        if item not in wrapped:
            wrapped[item] = tasks.ensure_future(item, loop=loop)
    yield from _ORIG_AS_COMPLETED(list(wrapped.values()), timeout=timeout)


_ORIG_GATHER_CODE = tasks.gather.__code__


def _taskgroup_init(self):
    _ORIG[(taskgroups.TaskGroup, "__init__")](self)
    self._tasks = CreationOrderedSet()


def instrument_ordering():
    for module in (tasks, asyncio):
        module.all_tasks = all_tasks
        module.wait = wait
        module.as_completed = as_completed
    _wrap(taskgroups.TaskGroup, "__init__", _taskgroup_init)


# ---------------------------------------------------------------------------
# Labels of synchronisation objects: Queue#1, Event#1, Queue#1/Event, ...
# ---------------------------------------------------------------------------

LABELLED_CLASSES = (queues.Queue, locks.Event, locks.Lock, locks.Condition,
                    locks.Semaphore, locks.BoundedSemaphore, locks.Barrier,
                    taskgroups.TaskGroup, timeouts.Timeout)

# asyncio functions that create an object for the program (numbered like
# the program's own objects rather than named after an owner).
_FACTORIES = {timeouts.timeout.__code__, timeouts.timeout_at.__code__}


def assign_label(obj):
    if getattr(obj, "_ls_label", None) is not None:
        return
    type_name = type(obj).__name__
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == THIS_FILE:
        frame = frame.f_back
    if frame is not None and _in_asyncio(frame) \
            and frame.f_code not in _FACTORIES:
        owner = None
        if "self" in frame.f_code.co_varnames:
            owner = getattr(frame.f_locals.get("self"), "_ls_label", None)
        prefix = owner if owner is not None else frame.f_code.co_name
        obj._ls_label = f"{prefix}/{type_name}"
        return
    count = State.object_counts.get(type_name, 0) + 1
    State.object_counts[type_name] = count
    obj._ls_label = f"{type_name}#{count}"


def _labelling_init(cls):
    original = cls.__dict__["__init__"]

    def __init__(self, *args, **kwargs):
        assign_label(self)
        original(self, *args, **kwargs)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def instrument_labels():
    for cls in LABELLED_CLASSES:
        if "__init__" in cls.__dict__:
            setattr(cls, "__init__", _labelling_init(cls))


# ---------------------------------------------------------------------------
# time module, warnings
# ---------------------------------------------------------------------------

def _virtual_time():
    return CLOCK.now


def _virtual_time_ns():
    return int(CLOCK.now * 1e9)


def _blocking_sleep(seconds):
    """time.sleep: the loop is stuck while the clock moves on."""
    if not isinstance(seconds, (int, float)):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be "
                        f"interpreted as an integer")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    target = CLOCK.now + seconds
    if target > OPTS.max_time:
        finish(EXIT_LIMIT, f"limit max-time={OPTS.max_time:.6f} reached")
    T.event(f"block time.sleep({seconds:.6f}) by {who()} -> {target:.6f}")
    CLOCK.now = target


def instrument_time():
    for name in ("time", "monotonic", "perf_counter"):
        setattr(time, name, _virtual_time)
        setattr(time, name + "_ns", _virtual_time_ns)
    time.sleep = _blocking_sleep


def _show_warning(message, category, filename, lineno, file=None, line=None):
    first = str(message).split("\n", 1)[0]
    T.diag(f"warning {category.__name__}: {first}")


def instrument_warnings():
    warnings.showwarning = _show_warning


def instrument_all():
    instrument_futures()
    instrument_ordering()
    instrument_labels()
    instrument_time()
    instrument_warnings()
    asyncio.set_event_loop_policy(VirtualPolicy())


THREADS = sim_threads.install(CLOCK, T, VirtualEventLoop, globals())
sim_clock.install(CLOCK)
sim_proc.install()


# ---------------------------------------------------------------------------
# Running the program
# ---------------------------------------------------------------------------

def _refuse():
    """Leave after a file that cannot be read or compiled: at once, as
    finish() does, since the simulated thread machinery is installed and
    interpreter shutdown would wait for threads that never ran."""
    sys.stderr.flush()
    os._exit(EXIT_USAGE)


def compile_program(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write(f"{path}: error: cannot read file: {e.strerror}\n")
        _refuse()
    try:
        # The basename keeps reprs that show a source location (e.g. a
        # task's coroutine) independent of the directory of the run.
        return compile(source, os.path.basename(path), "exec",
                       dont_inherit=True)
    except SyntaxError as e:
        line = e.lineno or 1
        col = e.offset or 1
        sys.stderr.write(f"{path}:{line}:{col}: error: {e.msg}\n")
        _refuse()
    except ValueError as e:
        sys.stderr.write(f"{path}:1:1: error: {e}\n")
        _refuse()


def uncaught_text(exc):
    lines = traceback.format_exception_only(type(exc), exc)
    first = lines[0].rstrip("\n") if lines else type(exc).__name__
    return "traceback " + first.split("\n", 1)[0]


def _clear_globals(namespace):
    """What interpreter exit does to __main__'s globals: names with one
    leading underscore become None first, then all others but
    __builtins__, each in insertion order."""
    names = list(namespace)
    for name in names:
        if name.startswith("_") and not name.startswith("__"):
            namespace[name] = None
    for name in names:
        if name != "__builtins__":
            namespace[name] = None


def exit_teardown(module):
    """Interpreter exit: the program's globals die, then the cyclic
    garbage is collected (the other moment it is, besides loop.close())."""
    STDOUT.finish()
    _clear_globals(module.__dict__)
    gc.collect()


def run_program(path):
    code = compile_program(path)
    module = types.ModuleType("__main__")
    # As `python3 FILE`: argv holds FILE as given, __file__ is absolute.
    module.__file__ = os.path.abspath(path)
    sys.argv[:] = [path]
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    # The simulated libraries (aiohttp, requests, aiofiles) come first, so
    # an installed package of the same name is never used.
    sys.path.insert(0, LIBRARY_DIR)
    sys.stdout = STDOUT
    sys.stderr = STDERR
    status = _execute(code, module)
    exit_teardown(module)
    finish(status)


def _execute(code, module):
    """Run the program; return its exit status (after reporting an
    uncaught exception as CPython does, before the exit teardown)."""
    try:
        exec(code, module.__dict__)
    except SystemExit as e:
        if e.code is None:
            return EXIT_OK
        if isinstance(e.code, int):
            return e.code
        STDERR.write(f"{e.code}\n")
        return EXIT_ERROR
    except BaseException as e:  # the program's uncaught exception
        STDOUT.finish()
        STDERR.finish()
        T.diag(uncaught_text(e))
        e = None
        return EXIT_ERROR
    return EXIT_OK


def main():
    # Only reference counting frees objects: the cycle collector would run
    # at moments that depend on the oracle's own allocations.
    gc.disable()
    # Programs that use random without seeding it still get the same run.
    random.seed(0)
    instrument_all()
    run_program(OPTS.file)


if __name__ == "__main__":
    main()
