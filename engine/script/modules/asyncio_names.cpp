// asyncio's remaining public names: the event loop's class hierarchy
// (isinstance(loop, asyncio.AbstractEventLoop), annotations naming
// asyncio.BaseEventLoop or asyncio.Handle), the event loop policy, and the
// transport and protocol base classes programs subclass.

#include "engine/script/modules/asyncio_loop.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""


class AbstractEventLoopPolicy:
    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class _BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def get_event_loop(self):
        return get_event_loop()

    def set_event_loop(self, loop):
        set_event_loop(loop)

    def new_event_loop(self):
        return new_event_loop()


class _UnixDefaultEventLoopPolicy(_BaseDefaultEventLoopPolicy):
    pass


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
_policy = [None]


def get_event_loop_policy():
    if _policy[0] is None:
        _policy[0] = DefaultEventLoopPolicy()
    return _policy[0]


def set_event_loop_policy(policy):
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _policy[0] = policy


class BaseTransport:
    def __init__(self, extra=None):
        if extra is None:
            extra = {}
        self._extra = extra

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    def set_write_buffer_limits(self, high=None, low=None):
        raise NotImplementedError

    def get_write_buffer_size(self):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    pass


class DatagramTransport(BaseTransport):
    def sendto(self, data, addr=None):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class SubprocessTransport(BaseTransport):
    def get_pid(self):
        raise NotImplementedError

    def get_returncode(self):
        raise NotImplementedError

    def get_pipe_transport(self, fd):
        raise NotImplementedError

    def send_signal(self, signal):
        raise NotImplementedError

    def terminate(self):
        raise NotImplementedError

    def kill(self):
        raise NotImplementedError


class BufferedProtocol(BaseProtocol):
    def get_buffer(self, sizehint):
        raise NotImplementedError

    def buffer_updated(self, nbytes):
        raise NotImplementedError

    def eof_received(self):
        pass


class DatagramProtocol(BaseProtocol):
    def datagram_received(self, data, addr):
        pass

    def error_received(self, exc):
        pass


class SubprocessProtocol(BaseProtocol):
    def pipe_data_received(self, fd, data):
        pass

    def pipe_connection_lost(self, fd, exc):
        pass

    def process_exited(self):
        pass
)PY";

// CPython's classes above the loop's own: _UnixSelectorEventLoop derives
// from BaseSelectorEventLoop, BaseEventLoop and AbstractEventLoop.
void link_loop_classes(ModuleObj& m) {
  ClassObj* abstract = engine_type("asyncio.events.AbstractEventLoop");
  ClassObj* base = engine_type("asyncio.base_events.BaseEventLoop");
  ClassObj* selector = engine_type("asyncio.selector_events.BaseSelectorEventLoop");
  ClassObj* loop = engine_type("_UnixSelectorEventLoop");
  loop->module = "asyncio.unix_events";
  selector->base = Ref<ClassObj>(base);
  base->base = Ref<ClassObj>(abstract);
  loop->base = Ref<ClassObj>(selector);
  m.globals["AbstractEventLoop"] = Value::object(abstract);
  m.globals["BaseEventLoop"] = Value::object(base);
  m.globals["SelectorEventLoop"] = Value::object(loop);
  ClassObj* handle = engine_type("Handle");
  ClassObj* timer = engine_type("TimerHandle");
  handle->module = timer->module = "asyncio.events";
  timer->base = Ref<ClassObj>(handle);
  m.globals["Handle"] = Value::object(handle);
  m.globals["TimerHandle"] = Value::object(timer);
  ClassObj* timeout = engine_type("Timeout");
  timeout->module = "asyncio.timeouts";
  m.globals["Timeout"] = Value::object(timeout);
}

// loop.add_signal_handler / remove_signal_handler: no signal reaches the
// simulated loop; the oracle's loop (a BaseEventLoop) raises the same.
Value lp_signal_handler(Interp&, const Value&, CallArgs&) { raise(Exc::NotImplementedError, ""); }

}  // namespace

void add_asyncio_names(Interp& in, const Ref<ModuleObj>& asyncio) {
  link_loop_classes(*asyncio);
  register_methods(engine_type("_UnixSelectorEventLoop"),
                   {{"add_signal_handler", lp_signal_handler}, {"remove_signal_handler", lp_signal_handler}});
  run_source_in_module(in, asyncio, "asyncio/events.py", kSource);
}

}  // namespace loopscope::script
