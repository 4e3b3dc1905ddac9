"""Threads and thread pools in virtual time, for the CPython oracle.

The rules are in docs/SIMULATED_WORLD.md. No real thread runs: a job runs to
completion when its worker starts it, on the worker's own clock, and what
the thread sends to the loop (its outcome, call_soon_threadsafe calls) is a
delivery that the loop's poll takes when the virtual clock reaches it.

The oracle calls install() once, before the program starts; its loop asks
next_wake() when it computes the poll's timeout and calls deliver() right
after the poll.
"""

import concurrent.futures
from asyncio import base_events
import heapq
import itertools
import os

# os.cpu_count() in the simulated world (so ThreadPoolExecutor's default
# max_workers is min(32, 4 + 4) = 8).
CPU_COUNT = 4

PENDING_RESULT_MESSAGE = ("blocking on a pending thread-pool future is not "
                          "simulated")


class _World:
    """The simulation state: the clock owner, pending deliveries, and the
    thread whose job is running (None: the loop's thread)."""

    def __init__(self, clock, transcript):
        self.clock = clock
        self.transcript = transcript
        self.deliveries = []        # heap of (time, seq, action, args)
        self.seq = itertools.count()
        self.current = None         # name of the simulated running thread

    def schedule(self, when, action, *args):
        heapq.heappush(self.deliveries, (when, next(self.seq), action, args))

    def next_wake(self):
        return self.deliveries[0][0] if self.deliveries else None

    def deliver(self):
        while self.deliveries and self.deliveries[0][0] <= self.clock.now:
            _, _, action, args = heapq.heappop(self.deliveries)
            action(*args)

    def run_as(self, name, start, fn, *args):
        """Run fn on thread `name` whose clock starts at `start`.

        Returns (outcome, is_exception, finish time)."""
        saved_now, saved_current = self.clock.now, self.current
        self.clock.now, self.current = start, name
        try:
            try:
                value, failed = fn(*args), False
            except BaseException as exc:  # CPython's worker catches these
                value, failed = exc, True
            return value, failed, self.clock.now
        finally:
            self.clock.now, self.current = saved_now, saved_current


WORLD = None


class _Future(concurrent.futures.Future):
    """A pool future whose blocking calls cannot hang the oracle."""

    def result(self, timeout=None):
        if not self.done() and WORLD.current is None:
            raise RuntimeError(PENDING_RESULT_MESSAGE)
        return super().result(timeout)

    def exception(self, timeout=None):
        if not self.done() and WORLD.current is None:
            raise RuntimeError(PENDING_RESULT_MESSAGE)
        return super().exception(timeout)


_Future.__name__ = _Future.__qualname__ = "Future"
_Future.__module__ = "concurrent.futures._base"


class _Worker:
    def __init__(self, name):
        self.name = name
        self.free_at = 0.0
        self.busy = False


class ThreadPoolExecutor(concurrent.futures.Executor):
    """concurrent.futures.ThreadPoolExecutor, simulated."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, CPU_COUNT + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" %
                                     self._counter()))
        self._initializer = initializer
        self._initargs = initargs
        self._workers = []
        self._queue = []            # FIFO of (future, fn, args, kwargs)
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = _Future()
        job = (future, fn, args, kwargs)
        worker = self._idle_worker()
        if worker is None:
            self._queue.append(job)
        else:
            self._start(worker, job, WORLD.clock.now)
        return future

    def _idle_worker(self):
        now = WORLD.clock.now
        for worker in self._workers:
            if not worker.busy and worker.free_at <= now:
                return worker
        if len(self._workers) < self._max_workers:
            worker = _Worker(f"{self._thread_name_prefix}_"
                             f"{len(self._workers)}")
            self._workers.append(worker)
            if self._initializer is not None:
                WORLD.run_as(worker.name, now, self._initializer,
                             *self._initargs)
            return worker
        return None

    def _start(self, worker, job, start):
        future, fn, args, kwargs = job
        future.set_running_or_notify_cancel()
        worker.busy = True
        value, failed, finish = WORLD.run_as(
            worker.name, start, lambda: fn(*args, **kwargs))
        worker.free_at = finish
        WORLD.schedule(finish, self._finish, worker, future, value, failed)

    def _finish(self, worker, future, value, failed):
        """Delivery at the job's finish time: the worker thread completes the
        future (its done callbacks run on that thread) and takes the next
        queued job."""
        saved = WORLD.current
        WORLD.current = worker.name
        try:
            if failed:
                future.set_exception(value)
            else:
                future.set_result(value)
        finally:
            WORLD.current = saved
        worker.busy = False
        while self._queue:
            job = self._queue.pop(0)
            if job[0].cancelled():
                job[0].set_running_or_notify_cancel()
                continue
            self._start(worker, job, worker.free_at)
            break

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            for job in self._queue:
                job[0].cancel()
            self._queue = [j for j in self._queue if not j[0].cancelled()]
        if wait:
            self._wait_idle()

    def _wait_idle(self):
        """Block the calling thread (loop or simulated) until every job of
        the pool has finished: its clock moves to the last finish time."""
        while self._queue or any(w.busy for w in self._workers):
            last = max(w.free_at for w in self._workers if w.busy)
            if last > WORLD.clock.now:
                WORLD.clock.now = last
            # The pool's own finishes are taken here (their callbacks'
            # calls to the loop stay deliveries, taken by the next poll).
            self._deliver_own()

    def _deliver_own(self):
        """Take this pool's finish deliveries that are due, leaving the
        rest of the world's deliveries in place."""
        keep = []
        taken = []
        while WORLD.deliveries:
            item = heapq.heappop(WORLD.deliveries)
            if item[2] == self._finish and item[0] <= WORLD.clock.now:
                taken.append(item)
            else:
                keep.append(item)
        for item in keep:
            heapq.heappush(WORLD.deliveries, item)
        for _, _, action, args in taken:
            action(*args)


def _call_soon_threadsafe(original):
    def call_soon_threadsafe(self, callback, *args, context=None):
        if WORLD.current is None:
            return original(self, callback, *args, context=context)
        self._check_closed()
        WORLD.schedule(WORLD.clock.now, original, self, callback, *args)
        return None
    return call_soon_threadsafe


class _Thread:
    """threading.Thread as asyncio's shutdown_default_executor uses it: the
    target runs on a simulated thread when started."""

    _counter = itertools.count(1).__next__

    def __init__(self, target=None, args=(), kwargs=None):
        self._target, self._args = target, args
        self._kwargs = kwargs or {}
        self.name = f"Thread-{self._counter()} ({target.__name__})"

    def start(self):
        WORLD.run_as(self.name, WORLD.clock.now,
                     lambda: self._target(*self._args, **self._kwargs))

    def join(self, timeout=None):
        pass


class _Threading:
    """What base_events sees as the threading module."""

    def __init__(self, real):
        self._real = real
        self.Thread = _Thread

    def __getattr__(self, name):
        return getattr(self._real, name)


class TimeOrderedStream:
    """Holds the lines written by simulated threads until the transcript
    reaches their stamps, so that the transcript stays in time order."""

    def __init__(self, stream):
        self._stream = stream
        self._held = []             # heap of (stamp, seq, bytes)
        self._seq = itertools.count()

    def write(self, data):
        stamp = WORLD.clock.now
        if WORLD.current is not None:
            heapq.heappush(self._held, (stamp, next(self._seq), data))
            return len(data)
        self._release(stamp)
        return self._stream.write(data)

    def _release(self, upto):
        while self._held and self._held[0][0] <= upto:
            self._stream.write(heapq.heappop(self._held)[2])

    def flush(self):
        self._release(float("inf"))
        self._stream.flush()


def _who(original):
    def who():
        if WORLD.current is not None:
            return WORLD.current
        return original()
    return who


# ---------------------------------------------------------------------------
# Plain threads (threading.Thread, current_thread, Event, ...): the engine's
# threading module is script source over four natives
# (engine/script/modules/threading.cpp); the oracle runs that same source
# with the natives below, so both follow one set of rules.

_ENGINE_THREADING = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "..", "..", "engine", "script", "modules",
                                 "threading.cpp")


def _threading_source():
    with open(_ENGINE_THREADING, encoding="utf-8") as f:
        text = f.read()
    start = text.index('R"PY(') + len('R"PY(')
    return text[start:text.index(')PY"', start)]


def _th_start(fn, name):
    _, _, finish = WORLD.run_as(name, WORLD.clock.now, fn)
    return finish


def _th_wait_until(t, blocking_sleep):
    if t <= WORLD.clock.now:
        return
    if WORLD.current is not None:
        WORLD.clock.now = t
    else:
        blocking_sleep(t - WORLD.clock.now)


def _install_threading(oracle_globals):
    import threading
    import time
    names = {
        "_start": _th_start,
        # time.sleep is looked up at the call: the oracle's blocking sleep
        # (a block line) is installed after this.
        "_wait_until": lambda t: _th_wait_until(t, time.sleep),
        "_now": lambda: WORLD.clock.now,
        "_current_name": lambda: WORLD.current,
        "__name__": "threading",
    }
    exec(compile(_threading_source(), "threading.py", "exec"), names)
    # Real Lock/RLock stay (uncontended they behave alike, and CPython's own
    # Condition needs them); the rest is the simulation's.
    for attr in ("Thread", "current_thread", "currentThread", "main_thread",
                 "get_ident", "get_native_id", "enumerate", "active_count",
                 "activeCount", "Event", "local", "Timer", "Barrier",
                 "BrokenBarrierError"):
        setattr(threading, attr, names[attr])
    names["Thread"].__module__ = "threading"


def install(clock, transcript, loop_class, oracle_globals):
    """Replace the thread machinery of concurrent.futures and asyncio's
    loop with the simulation; returns the world the loop polls."""
    global WORLD
    WORLD = _World(clock, transcript)
    concurrent.futures.ThreadPoolExecutor = ThreadPoolExecutor
    os.cpu_count = lambda: CPU_COUNT
    loop_class.call_soon_threadsafe = _call_soon_threadsafe(
        loop_class.call_soon_threadsafe)
    base_events.threading = _Threading(base_events.threading)
    transcript._stream = TimeOrderedStream(transcript._stream)
    oracle_globals["who"] = _who(oracle_globals["who"])
    _install_threading(oracle_globals)
    return WORLD
