// threading: plain threads on the simulated threads of engine/world
// (docs/SIMULATED_WORLD.md "Plain threads"). Thread.start() runs the
// thread's run() to completion at once on its own clock; join() from the
// loop blocks the loop until the thread's finish time. The module is script
// source over four natives; tests/conformance/sim_threads.py gives CPython
// the same rules.

#include "engine/loop/event_loop.hpp"
#include "engine/loop/world.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

// _start(fn, name) -> finish time: fn() runs on the simulated thread `name`
// whose clock starts at the caller's clock.
Value th_start(Interp& in, const Value&, CallArgs& a) {
  check_args("_start", a, 2, 2);
  World& w = in.world();
  uint32_t who = Who::thread(w.trace.str(as_str(a.pos[1], "name")));
  Value fn = a.pos[0];
  double finish = w.threads.run_as(w, who, w.now, [&] { in.call(fn, std::vector<Value>{}); });
  return Value::real(finish);
}

// _wait_until(t): the caller waits until virtual time t. The loop's thread
// is blocked (a `block` line, as time.sleep); a simulated thread's clock moves.
Value th_wait_until(Interp& in, const Value&, CallArgs& a) {
  check_args("_wait_until", a, 1, 1);
  World& w = in.world();
  double t = to_float(a.pos[0], "t");
  if (t <= w.now) return Value();
  if (w.threads.in_thread()) {
    w.now = t;
  } else if (EventLoop* loop = w.running_loop) {
    loop->block(t - w.now, in.current_line());
  } else {
    w.trace.add(Ev::Block, w.trace.num(t - w.now), Who::kOutside, w.trace.num(t));
    if (uint32_t line = in.current_line()) w.trace.add(Ev::Ext, line);
    w.now = t;
    w.threads.release(w, w.now);  // what threads wrote meanwhile comes first
  }
  return Value();
}

Value th_now(Interp& in, const Value&, CallArgs& a) {
  check_args("_now", a, 0, 0);
  return Value::real(in.world().now);
}

// The name of the simulated thread running (a pool worker or a Thread), or None.
Value th_current_name(Interp& in, const Value&, CallArgs& a) {
  check_args("_current_name", a, 0, 0);
  World& w = in.world();
  if (!w.threads.in_thread()) return Value();
  return str_value(std::string(w.trace.string(w.threads.current() & ~Who::kThreadTag)));
}

const char* const kSource = R"PY(
_counter = [0]
_idents = [1]
_stack = []
_workers = {}
_threads = []


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if kwargs is None:
            kwargs = {}
        if not name:
            _counter[0] += 1
            name = "Thread-%d" % _counter[0]
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        else:
            name = str(name)
        self._target = target
        self._args = args
        self._kwargs = kwargs
        self._name = name
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._started = False
        self._finish = None

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = value

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        _idents[0] += 1
        self._ident = _idents[0]
        _threads.append(self)
        _stack.append(self)
        try:
            self._finish = _start(self._bootstrap, self._name)
        finally:
            _stack.pop()

    def _bootstrap(self):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            _report(self, exc)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        until = self._finish
        if timeout is not None:
            until = min(until, _now() + max(timeout, 0))
        _wait_until(until)

    def is_alive(self):
        if not self._started:
            return False
        if self._finish is None:  # running: start() has not returned
            return True
        return self._finish > _now()

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started" if self.is_alive() else "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


def _report(thread, exc):
    import sys
    sys.stderr.write("Exception in thread %s:\n%s: %s\n" % (thread.name, type(exc).__name__, exc))


class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._name = "MainThread"
        self._daemonic = False
        self._ident = 1
        self._started = True
        self._finish = None

    def is_alive(self):
        return True


class _DummyThread(Thread):
    """A pool's worker thread, as current_thread() sees it."""

    def __init__(self, name):
        self._target = None
        self._name = name
        self._daemonic = False
        _idents[0] += 1
        self._ident = _idents[0]
        self._started = True
        self._finish = None

    def is_alive(self):
        return True


_main = _MainThread()


def current_thread():
    name = _current_name()
    if name is None:
        return _main
    if _stack and _stack[-1]._name == name:
        return _stack[-1]
    if name not in _workers:
        _workers[name] = _DummyThread(name)
    return _workers[name]


currentThread = current_thread


def main_thread():
    return _main


def get_ident():
    return current_thread().ident


get_native_id = get_ident


def enumerate():
    return [_main] + [t for t in _threads if t.is_alive()]


def active_count():
    return len(enumerate())


activeCount = active_count


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        if timeout is None:
            raise RuntimeError("blocking on an unset Event is not simulated")
        _wait_until(_now() + max(timeout, 0))
        return self._flag


class Lock:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout is not None and timeout >= 0:
            _wait_until(_now() + timeout)
            return False
        raise RuntimeError("blocking on a held Lock is not simulated")

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class local:
    """Attributes seen by one thread each (keyed by get_ident())."""

    def __init__(self):
        object.__setattr__(self, '_thread_dicts', {})

    def _own(self):
        return self._thread_dicts.setdefault(get_ident(), {})

    def __getattr__(self, name):
        d = self._own()
        if name in d:
            return d[name]
        # (CPython names the base class '_thread._local')
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        self._own()[name] = value

    def __delattr__(self, name):
        d = self._own()
        if name not in d:
            raise AttributeError(name)
        del d[name]


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        if timeout is not None:
            _wait_until(_now() + max(timeout, 0))
            return False
        raise RuntimeError("blocking on a Semaphore at zero is not simulated")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = current_thread()
        if self._count and self._owner is not me:
            if not blocking:
                return False
            raise RuntimeError("blocking on a held RLock is not simulated")
        self._owner = me
        self._count += 1
        return True

    def release(self):
        if self._owner is not current_thread() or not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds of its own
    clock. Like every Thread it runs at start(); cancel() before start()
    keeps it from calling the function."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        if self._started and not self.finished.is_set():
            raise RuntimeError("cancelling a started Timer is not simulated")
        self.finished.set()

    def run(self):
        if not self.finished.is_set():
            self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class Condition:
    """A lock plus notifications. Waiting for a notification cannot be
    simulated (threads run to completion at start()): wait() without a
    timeout raises, wait(timeout) waits that long and returns False, and
    wait_for(predicate) returns at once when the predicate holds."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _check_owned(self, what):
        lock = self._lock
        if isinstance(lock, RLock):
            owned = lock._count > 0 and lock._owner is current_thread()
        else:
            owned = lock.locked()
        if not owned:
            raise RuntimeError("cannot %s un-acquired lock" % what)

    def wait(self, timeout=None):
        self._check_owned("wait on")
        if timeout is None:
            raise RuntimeError("waiting on a Condition without a timeout is not simulated")
        _wait_until(_now() + max(timeout, 0))
        return False

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        self._check_owned("notify on")

    def notify_all(self):
        self.notify()

    notifyAll = notify_all


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """parties threads meet at wait(). Only a one-party barrier can be
    passed: the others would wait for threads that have not started."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._broken = False

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if self._parties == 1:
            if self._action is not None:
                self._action()
            return 0
        if timeout is None:
            timeout = self._timeout
        if timeout is None:
            raise RuntimeError("waiting at a Barrier for other threads is not simulated")
        _wait_until(_now() + max(timeout, 0))
        self._broken = True
        raise BrokenBarrierError

    def reset(self):
        self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0

    @property
    def broken(self):
        return self._broken
)PY";

}  // namespace

Ref<ModuleObj> make_threading_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("threading");
  add_function(*m, "_start", th_start);
  add_function(*m, "_wait_until", th_wait_until);
  add_function(*m, "_now", th_now);
  add_function(*m, "_current_name", th_current_name);
  run_source_in_module(in, m, "threading.py", kSource);
  return m;
}

}  // namespace loopscope::script
