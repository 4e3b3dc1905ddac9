// The selector half of asyncio's streams, in the script language: the
// loop's connection setup (create_connection, create_server, sock_connect,
// the accept callback), Server, the socket transport and the socket object,
// over the natives of asyncio_streams.cpp (docs/SIMULATED_WORLD.md,
// Network). Written in the shape of CPython's base_events.py and
// selector_events.py so that the same handles, futures and tasks are made in
// the same order, under the same names.

#include "engine/script/modules/asyncio_loop.hpp"

namespace loopscope::script {

const char* asyncio_selector_source() {
  return R"PY(
import functools

# asyncio's streams over the simulated network (docs/SIMULATED_WORLD.md).
# Written for loopscope in the shape of CPython's base_events.py,
# selector_events.py and streams.py: the same callbacks, futures and tasks,
# made in the same order, under the same names.

IPPROTO_TCP = 6


class AddressFamily:
    pass


class SocketKind:
    pass


AF_INET = AddressFamily()
SOCK_STREAM = SocketKind()


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _is_ipv4(host):
    if not isinstance(host, str):
        return False
    parts = host.split('.')
    if len(parts) != 4:
        return False
    for p in parts:
        if not p.isdigit() or int(p) > 255:
            return False
    return True


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    return [(AF_INET, SOCK_STREAM, IPPROTO_TCP, '', (_net_host_ip(host), port))]


class socket:
    def __init__(self, fd=None):
        if fd is None:
            fd = _net_socket()
        self._fd = fd
        self.family = AF_INET
        self.type = SOCK_STREAM
        self.proto = IPPROTO_TCP

    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        pass

    def getsockname(self):
        return _net_sockname(self._fd)

    def getpeername(self):
        peer = _net_peername(self._fd)
        if peer is None:
            raise OSError(107, 'Transport endpoint is not connected')
        return peer

    def close(self):
        if self._fd >= 0:
            _net_close(self._fd)
            self._fd = -1


class BaseEventLoop:
    def __init__(self, loop):
        self._real = loop
        self._transports = {}
        self.call_soon = loop.call_soon
        self.create_future = loop.create_future
        self.create_task = loop.create_task
        self.is_closed = loop.is_closed
        self.get_debug = loop.get_debug

    async def _ensure_resolved(self, address):
        host, port = address[:2]
        if _is_ipv4(host):
            return [(AF_INET, SOCK_STREAM, IPPROTO_TCP, '', (host, port))]
        return await self._real.run_in_executor(None, getaddrinfo, host, port, 0, SOCK_STREAM, 0, 0)

    async def _create_server_getaddrinfo(self, host, port, family, flags):
        infos = await self._ensure_resolved((host, port))
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        return infos

    async def _connect_sock(self, exceptions, addr_info):
        my_exceptions = []
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket()
            await self.sock_connect(sock, address)
            return sock
        except OSError as exc:
            my_exceptions.append(exc)
            if sock is not None:
                sock.close()
            raise
        except BaseException:
            if sock is not None:
                sock.close()
            raise

    async def create_connection(self, protocol_factory, host=None, port=None):
        infos = await self._ensure_resolved((host, port))
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        exceptions = []
        sock = None
        for addrinfo in infos:
            try:
                sock = await self._connect_sock(exceptions, addrinfo)
                break
            except OSError:
                continue
        if sock is None:
            flat = [exc for sub in exceptions for exc in sub]
            if len(flat) == 1:
                raise flat[0]
            model = str(flat[0])
            if all(str(exc) == model for exc in flat):
                raise flat[0]
            raise OSError('Multiple exceptions: {}'.format(', '.join(str(exc) for exc in flat)))
        return await self._create_connection_transport(sock, protocol_factory)

    async def _create_connection_transport(self, sock, protocol_factory):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = _SelectorSocketTransport(self, sock, protocol, waiter)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, backlog=100):
        if host == '':
            hosts = [None]
        elif isinstance(host, (str, type(None))):
            hosts = [host]
        else:
            hosts = list(host)
        fs = [self._create_server_getaddrinfo(h, port, family=0, flags=1) for h in hosts]
        infos = await _gather(*fs)
        unique = []
        for group in infos:
            for info in group:
                if info not in unique:
                    unique.append(info)
        sockets = []
        completed = False
        try:
            for res in unique:
                sa = res[4]
                sock = socket()
                sockets.append(sock)
                if not _net_bind(sock.fileno(), sa[0], sa[1]):
                    raise OSError(98, 'error while attempting to bind on address %r: address already in use' % (sa,)) from None
            completed = True
        finally:
            if not completed:
                for sock in sockets:
                    sock.close()
        server = Server(self, sockets, protocol_factory, None, backlog, None, None)
        server._start_serving()
        await _sleep(0)
        return server


class BaseSelectorEventLoop(BaseEventLoop):
    def _add_reader(self, fd, callback, *args):
        return _net_add_reader(self._real, fd, callback, *args)

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        return _net_remove_reader(fd)

    def _add_writer(self, fd, callback, *args):
        return _net_add_writer(self._real, fd, callback, *args)

    def _remove_writer(self, fd):
        if self.is_closed():
            return False
        return _net_remove_writer(fd)

    def remove_writer(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    def _ensure_fd_no_transport(self, fd):
        transport = self._transports.get(fd)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(f'File descriptor {fd!r} is used by transport {transport!r}')

    async def sock_connect(self, sock, address):
        resolved = await self._ensure_resolved(address)
        _, _, _, _, address = resolved[0]
        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        return await fut

    def _sock_connect(self, fut, sock, address):
        fd = sock.fileno()
        _net_connect(fd, address[0], address[1])  # always EINPROGRESS
        self._ensure_fd_no_transport(fd)
        handle = self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
        fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle=handle))

    def _sock_write_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_writer(fd)

    def _sock_connect_cb(self, fut, sock, address):
        if fut.done():
            return
        err = _net_error(sock.fileno())
        if err == 111:
            fut.set_exception(ConnectionRefusedError(err, f'Connect call failed {address}'))
        elif err != 0:
            fut.set_exception(OSError(err, f'Connect call failed {address}'))
        else:
            fut.set_result(None)

    def _start_serving(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100,
                       ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        self._add_reader(sock.fileno(), self._accept_connection, protocol_factory, sock, sslcontext,
                         server, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100,
                           ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        for _ in range(backlog):
            got = _net_accept(sock.fileno())
            if got is None:
                return None
            conn = socket(got[0])
            extra = {'peername': got[1]}
            self.create_task(self._accept_connection2(protocol_factory, conn, extra, sslcontext, server))

    async def _accept_connection2(self, protocol_factory, conn, extra, sslcontext=None, server=None):
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            transport = _SelectorSocketTransport(self, conn, protocol, waiter, extra, server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            pass


_selector_loops = {}


def _selector_loop_impl(loop):
    helper = _selector_loops.get(id(loop))
    if helper is None or helper._real is not loop:
        helper = BaseSelectorEventLoop(loop)
        _selector_loops[id(loop)] = helper
    return helper


class Server:
    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            _net_listen(sock.fileno())
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context, self, self._backlog,
                                      self._ssl_handshake_timeout, self._ssl_shutdown_timeout)

    def get_loop(self):
        return self._loop._real

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await _sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except _CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class _SelectorTransport:
    max_size = 256 * 1024

    def __init__(self, loop, sock, protocol, extra=None, server=None):
        self._extra = {} if extra is None else extra
        self._loop = loop
        self._extra['socket'] = sock
        self._extra['sockname'] = sock.getsockname()
        if 'peername' not in self._extra:
            self._extra['peername'] = _net_peername(sock.fileno())
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        self._buffer = b''
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._protocol_paused = False
        self._set_write_buffer_limits()
        if self._server is not None:
            self._server._attach()
        loop._transports[self._sock_fd] = self

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def _maybe_pause_protocol(self):
        if self.get_write_buffer_size() <= self._high_water:
            return
        if not self._protocol_paused:
            self._protocol_paused = True
            self._protocol.pause_writing()

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self.get_write_buffer_size() <= self._low_water:
            self._protocol_paused = False
            self._protocol.resume_writing()

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def _set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            if low is None:
                high = 64 * 1024
            else:
                high = 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low

    def set_write_buffer_limits(self, high=None, low=None):
        self._set_write_buffer_limits(high=high, low=low)
        self._maybe_pause_protocol()

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        # Only OSErrors come here (send/recv): logged in debug mode only.
        self._force_close(exc)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def abort(self):
        self._force_close(None)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer = b''
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def _add_reader(self, fd, callback, *args):
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback, *args)


class _SelectorSocketTransport(_SelectorTransport):
    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _read_ready(self):
        if self._conn_lost:
            return
        data = _net_recv(self._sock_fd, self.max_size)
        if data is None:
            return
        if isinstance(data, int):
            self._fatal_error(ConnectionResetError(data, 'Connection reset by peer'),
                              'Fatal read error on socket transport')
            return
        if not data:
            if self._protocol.eof_received():
                self._loop._remove_reader(self._sock_fd)
            else:
                self.close()
            return
        self._protocol.data_received(data)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._conn_lost += 1
            return
        data = bytes(data)
        if not self._buffer:
            n = _net_send(self._sock_fd, data)  # 0: EAGAIN
            if n < 0:
                self._fatal_error(ConnectionResetError(-n, 'Connection reset by peer'),
                                  'Fatal write error on socket transport')
                return
            data = data[n:]
            if not data:
                return
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        if self._conn_lost:
            return
        n = _net_send(self._sock_fd, self._buffer)
        if n < 0:
            self._loop._remove_writer(self._sock_fd)
            self._buffer = b''
            self._fatal_error(ConnectionResetError(-n, 'Connection reset by peer'),
                              'Fatal write error on socket transport')
            return
        if n:
            self._buffer = self._buffer[n:]
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)
            elif self._eof:
                _net_shutdown(self._sock_fd)

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            _net_shutdown(self._sock_fd)

    def can_write_eof(self):
        return True

    def _call_connection_lost(self, exc):
        super()._call_connection_lost(exc)
)PY";
}

}  // namespace loopscope::script
