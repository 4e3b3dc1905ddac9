// signal: the signal numbers (Signals, an IntEnum), SIG_DFL/SIG_IGN, and
// signal()/getsignal() keeping the handlers a program installs. No signal
// is ever delivered in the simulated world, so handlers are only stored.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
from enum import IntEnum as _IntEnum


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGWINCH = 28


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGWINCH = Signals.SIGWINCH
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65

_DESCRIPTIONS = {1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap",
                 6: "Aborted", 7: "Bus error", 8: "Floating point exception", 9: "Killed",
                 10: "User defined signal 1", 11: "Segmentation fault", 12: "User defined signal 2",
                 13: "Broken pipe", 14: "Alarm clock", 15: "Terminated", 17: "Child exited", 18: "Continued",
                 19: "Stopped (signal)", 20: "Stopped", 28: "Window changed"}


def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt


_handlers = {2: default_int_handler}


def _number(signalnum):
    n = int(signalnum)
    if not 1 <= n < NSIG:
        raise ValueError("signal number out of range")
    return n


def getsignal(signalnum, /):
    return _handlers.get(_number(signalnum), SIG_DFL)


def signal(signalnum, handler, /):
    n = _number(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if n in (9, 19):
        raise OSError(22, "Invalid argument")
    old = getsignal(n)
    _handlers[n] = handler
    return old


def strsignal(signalnum, /):
    return _DESCRIPTIONS.get(_number(signalnum))


def valid_signals():
    return set(Signals)
)PY";

}  // namespace

Ref<ModuleObj> make_signal_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("signal");
  run_source_in_module(in, m, "signal.py", kSource);
  return m;
}

}  // namespace loopscope::script
