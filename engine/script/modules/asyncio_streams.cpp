// asyncio's streams (open_connection, start_server, StreamReader,
// StreamWriter, Server) over the simulated network of engine/world/sim_net
// (docs/SIMULATED_WORLD.md, Network). The stream layer, the selector
// transport and the connection setup are written in the script language
// (kSource, below) in the shape of CPython's base_events / selector_events /
// streams, so that they create the same handles, futures and tasks in the
// same order; the natives here are the sockets and the selector.

#include "engine/loop/event_loop.hpp"
#include "engine/script/modules/asyncio_loop.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

SimNet& net(Interp& in) { return in.world().net; }

int fd_arg(const CallArgs& a, size_t i) { return int(to_int(a.pos.at(i), "fd")); }

std::optional<std::string> host_arg(const Value& v) {
  if (v.is(ObjKind::Str)) return v.as<StrObj>()->value;
  return std::nullopt;
}

Value address_value(const SimNet::Address& a) {
  return Value::object(make<TupleObj>(std::vector<Value>{str_value(a.first), Value::integer(a.second)}));
}

Value n_socket(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_socket", a, 0, 0);
  return Value::integer(net(in).open_socket());
}

Value n_host_ip(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_host_ip", a, 1, 1);
  return str_value(net(in).host_ip(host_arg(a.pos[0])));
}

Value n_bind(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_bind", a, 3, 3);
  return Value::boolean(net(in).bind(fd_arg(a, 0), {net(in).host_ip(host_arg(a.pos[1])), to_int(a.pos[2], "port")}));
}

Value n_listen(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_listen", a, 1, 1);
  net(in).listen(fd_arg(a, 0));
  return Value();
}

Value n_accept(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_accept", a, 1, 1);
  auto got = net(in).accept(fd_arg(a, 0));
  if (!got) return Value();
  return Value::object(make<TupleObj>(std::vector<Value>{Value::integer(got->first), address_value(got->second)}));
}

Value n_connect(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_connect", a, 3, 3);
  net(in).connect(fd_arg(a, 0), {net(in).host_ip(host_arg(a.pos[1])), to_int(a.pos[2], "port")});
  return Value();
}

Value n_error(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_error", a, 1, 1);
  return Value::integer(net(in).take_error(fd_arg(a, 0)));
}

Value n_recv(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_recv", a, 2, 2);
  auto data = net(in).recv(fd_arg(a, 0), size_t(to_int(a.pos[1], "n")));
  if (!data && net(in).is_reset(fd_arg(a, 0))) return Value::integer(104);  // ECONNRESET
  return data ? bytes_value(std::move(*data)) : Value();
}

Value n_send(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_send", a, 2, 2);
  if (!a.pos[1].is(ObjKind::Bytes)) type_error("a bytes-like object is required, not '" + type_name(a.pos[1]) + "'");
  // The count taken (0: the send buffer is full, EAGAIN), or -104 (ECONNRESET).
  if (net(in).is_reset(fd_arg(a, 0))) return Value::integer(-104);
  return Value::integer(int64_t(net(in).send(fd_arg(a, 0), a.pos[1].as<BytesObj>()->value)));
}

Value n_shutdown(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_shutdown", a, 1, 1);
  net(in).shutdown_write(fd_arg(a, 0));
  return Value();
}

Value n_close(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_close", a, 1, 1);
  net(in).close(fd_arg(a, 0));
  return Value();
}

Value n_sockname(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_sockname", a, 1, 1);
  auto addr = net(in).sockname(fd_arg(a, 0));
  return addr ? address_value(*addr) : Value();
}

Value n_peername(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_peername", a, 1, 1);
  auto addr = net(in).peername(fd_arg(a, 0));
  return addr ? address_value(*addr) : Value();
}

EventLoop& loop_arg(const Value& v) {
  Object* o = v.obj();
  if (!o || typeid(*o) != typeid(LoopObj)) type_error("an event loop is required");
  return *static_cast<LoopObj*>(o)->loop;
}

// _add_reader/_add_writer(loop, fd, callback, *args): the handle is made
// (and numbered) now; the one it replaces is cancelled after, as CPython's
// selector loop does.
Value add_handle(Interp& in, CallArgs& a, bool reader) {
  if (a.pos.size() < 3) type_error("_add_reader() needs a loop, a descriptor and a callback");
  EventLoop& loop = loop_arg(a.pos[0]);
  if (loop.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  int fd = fd_arg(a, 1);
  Value fn = a.pos[2];
  std::vector<Value> args(a.pos.begin() + 3, a.pos.end());
  std::string text = callback_text(fn, args);
  Interp* ip = &in;
  Ref<Handle> h = loop.make_handle([ip, fn, args] { ip->call(fn, args); }, text);
  Ref<Handle> old = reader ? net(in).set_reader(&loop, fd, h) : net(in).set_writer(&loop, fd, h);
  if (old) old->cancel();
  return Value::object(h);
}

Value n_add_reader(Interp& in, const Value&, CallArgs& a) { return add_handle(in, a, true); }
Value n_add_writer(Interp& in, const Value&, CallArgs& a) { return add_handle(in, a, false); }

Value n_remove_reader(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_remove_reader", a, 1, 1);
  Ref<Handle> old = net(in).clear_reader(fd_arg(a, 0));
  if (old) old->cancel();
  return Value::boolean(bool(old));
}

Value n_remove_writer(Interp& in, const Value&, CallArgs& a) {
  check_args("_net_remove_writer", a, 1, 1);
  Ref<Handle> old = net(in).clear_writer(fd_arg(a, 0));
  if (old) old->cancel();
  return Value::boolean(bool(old));
}

const char* const kStreamsSource = R"PY(
# The stream layer (CPython's streams.py in shape), over the selector part
# (asyncio_selector.cpp), which is compiled on first use (_selector_loop).

_DEFAULT_LIMIT = 2 ** 16


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        if expected is None:
            total = 'undefined'
        else:
            total = repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {total} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BaseProtocol:
    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class FlowControlMixin:
    def __init__(self, loop=None):
        self._loop = loop
        self._paused = False
        self._drain_waiters = []
        self._connection_lost = False

    def pause_writing(self):
        self._paused = True

    def resume_writing(self):
        self._paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        if not self._paused:
            return
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)


class StreamReaderProtocol(FlowControlMixin):
    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop=loop)
        self._stream_reader = stream_reader
        self._stream_writer = None
        self._task = None
        self._transport = None
        self._client_connected_cb = client_connected_cb
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        self._transport = transport
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            res = self._client_connected_cb(reader, self._stream_writer)
            if _iscoroutine(res):
                def callback(task):
                    exc = task.exception()
                    if exc is not None:
                        self._loop.call_exception_handler({
                            'message': 'Unhandled exception in client_connected_cb',
                            'exception': exc,
                            'transport': transport,
                        })
                        transport.close()

                self._task = self._loop.create_task(res)
                self._task.add_done_callback(callback)

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
                # CPython's StreamReaderProtocol.__del__ retrieves it, so an
                # unawaited wait_closed() never logs it (no __del__ here).
                self._closed.exception()
        super().connection_lost(exc)
        self._stream_reader = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        return True

    def _get_close_waiter(self, stream):
        return self._closed


class StreamWriter:
    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop
        self._complete_fut = self._loop.create_future()
        self._complete_fut.set_result(None)

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await _sleep(0)
        await self._protocol._drain_helper()


class StreamReader:
    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = _get_running_loop() if loop is None else loop
        self._buffer = b''
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_data(self, data):
        if not data:
            return
        self._buffer = self._buffer + data
        self._wakeup_waiter()
        if self._transport is not None and not self._paused and len(self._buffer) > 2 * self._limit:
            self._transport.pause_reading()
            self._paused = True

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer[e.consumed:e.consumed + 1] == sep:
                self._buffer = self._buffer[e.consumed + 1:]
            else:
                self._buffer = b''
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer = b''
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        self._buffer = self._buffer[isep + seplen:]
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer
                self._buffer = b''
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT):
    loop = _get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await _selector_loop(loop).create_connection(lambda: protocol, host, port)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT, backlog=100):
    loop = _get_running_loop()

    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        protocol = StreamReaderProtocol(reader, client_connected_cb, loop=loop)
        return protocol

    return await _selector_loop(loop).create_server(factory, host, port, backlog=backlog)
)PY";

// _selector_loop(loop): the loop's helper object of the selector part. That
// part (asyncio_selector.cpp) is compiled into the streams module the first
// time a program connects or listens, so that importing asyncio stays cheap.
Value n_selector_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("_selector_loop", a, 1, 1);
  Value streams = in.getattr(in.import_module("asyncio"), "_streams");
  Object* o = streams.obj();
  if (!o || typeid(*o) != typeid(ModuleObj)) raise(Exc::RuntimeError, "asyncio._streams is not the streams module");
  Ref<ModuleObj> m(static_cast<ModuleObj*>(o));
  if (!m->globals.count("_selector_loop_impl")) {
    run_source_in_module(in, m, "asyncio/selector_events.py", asyncio_selector_source());
  }
  return in.call(m->globals["_selector_loop_impl"], std::vector<Value>{a.pos[0]});
}

// loop.create_connection / loop.create_server: the selector part's
// methods of the same names, on the loop's helper object.
Value forward_to_selector(Interp& in, const Value& self, CallArgs& a, const char* method) {
  Value helper = in.call(in.getattr(in.import_module("asyncio"), "_selector_loop"), std::vector<Value>{self});
  return in.call(in.getattr(helper, method), a);
}

Value lp_create_connection(Interp& in, const Value& self, CallArgs& a) {
  return forward_to_selector(in, self, a, "create_connection");
}

Value lp_create_server(Interp& in, const Value& self, CallArgs& a) {
  return forward_to_selector(in, self, a, "create_server");
}

}  // namespace

void add_streams(Interp& in, ModuleObj& asyncio) {
  Ref<ModuleObj> m = make<ModuleObj>("asyncio.streams");
  const std::pair<const char*, NativeFn> natives[] = {
      {"_net_socket", n_socket},       {"_net_host_ip", n_host_ip},     {"_net_bind", n_bind},
      {"_net_listen", n_listen},       {"_net_accept", n_accept},       {"_net_connect", n_connect},
      {"_net_error", n_error},         {"_net_recv", n_recv},           {"_net_send", n_send},
      {"_net_shutdown", n_shutdown},   {"_net_close", n_close},         {"_net_sockname", n_sockname},
      {"_net_peername", n_peername},   {"_net_add_reader", n_add_reader}, {"_net_add_writer", n_add_writer},
      {"_net_remove_reader", n_remove_reader}, {"_net_remove_writer", n_remove_writer},
  };
  for (const auto& [name, fn] : natives) add_function(*m, name, fn);
  for (const char* name : {"get_running_loop", "sleep", "gather", "iscoroutine", "CancelledError"}) {
    m->globals[std::string("_") + name] = asyncio.globals[name];
  }
  add_function(*m, "_selector_loop", n_selector_loop);
  asyncio.globals["_streams"] = Value::object(m);
  run_source_in_module(in, m, "asyncio/streams.py", kStreamsSource);
  for (const char* name : {"open_connection", "start_server", "StreamReader", "StreamWriter", "StreamReaderProtocol",
                           "IncompleteReadError", "LimitOverrunError", "BaseProtocol", "Protocol", "_selector_loop"}) {
    asyncio.globals[name] = m->globals[name];
  }
  register_methods(engine_type("_UnixSelectorEventLoop"),
                   {{"create_connection", lp_create_connection}, {"create_server", lp_create_server}});
  for (const char* name : {"IncompleteReadError", "LimitOverrunError"}) {
    Value cls = m->globals[name];
    if (cls.is(ObjKind::Class)) static_cast<ClassObj*>(cls.obj())->module = "asyncio.exceptions";
  }
}

}  // namespace loopscope::script
