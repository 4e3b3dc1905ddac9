"""The network in virtual time, for the CPython oracle.

The rules are in docs/SIMULATED_WORLD.md (Network). asyncio itself is not
touched: the loop is a real BaseSelectorEventLoop whose selector and sockets
are the fakes below, so selector_events.py and streams.py run unmodified.

On the program's own machine (127.0.0.1) latency is 0: bytes sent are in
the peer's receive buffer at once (readable at the loop's next poll). A
non-blocking connect() always answers EINPROGRESS; the connection is made
(or refused) at once and the socket is writable at the next poll, where
asyncio reads SO_ERROR. Remote hosts (sim_sites.py) answer over links with
latency and bandwidth: what they send is an arrival, applied by the poll at
its time (the poll's timeout wakes for it).
"""

import errno
import heapq
import itertools
import selectors
import socket as _real_socket
import sys
import types
import weakref

from asyncio import base_events, selector_events

import sim_sites

FIRST_FD = 6                 # 0-2: std streams; 3-5: epoll and self-pipe
FIRST_EPHEMERAL_PORT = 50000


class _Net:
    """Who listens where, the file descriptors, and the readiness order."""

    def __init__(self):
        self.listeners = {}          # (ip, port) -> listening _Socket
        self.open_fds = {}           # fd -> _Socket
        self.ports = itertools.count(FIRST_EPHEMERAL_PORT)
        self.seq = itertools.count()
        self.in_flight = []          # heap of (time, order, socket, kind, data)
        self.order = itertools.count()
        self.clock = None            # the oracle's virtual clock

    def now(self):
        return self.clock.now

    def schedule(self, sock, events):
        for when, kind, data in events:
            heapq.heappush(self.in_flight,
                           (when, next(self.order), sock, kind, data))

    def arrive(self):
        """Applies, in (time, order) order, what has arrived by now."""
        while self.in_flight and self.in_flight[0][0] <= self.now():
            _, _, sock, kind, data = heapq.heappop(self.in_flight)
            if sock._fd is not None:
                sock._arrive(kind, data)

    def next_wake(self, selector):
        """When an arrival next makes a registered descriptor ready."""
        wakes = []
        for when, _, sock, kind, _ in self.in_flight:
            key = selector._fd_to_key.get(sock._fd) if sock._fd else None
            want = selectors.EVENT_READ if kind in ("data", "eof") else (
                selectors.EVENT_WRITE if kind != "reset" else
                selectors.EVENT_READ | selectors.EVENT_WRITE)
            if key is not None and key.events & want:
                wakes.append(when)
        return min(wakes) if wakes else None

    def new_fd(self, sock):
        fd = FIRST_FD
        while fd in self.open_fds:
            fd += 1
        self.open_fds[fd] = sock
        return fd

    def events(self, fd):
        sock = self.open_fds.get(fd)
        return (sock._since, sock._events()) if sock else (0, 0)


NET = _Net()


def _is_ipv4(host):
    parts = host.split(".") if isinstance(host, str) else []
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255
                                   for p in parts)


def _address(host, port):
    """The simulated world's address of (host, port): this machine, an IP
    literal, or a remote host (10.0.0.x, sim_sites.World.host)."""
    if host in (None, "", "localhost", "0.0.0.0"):
        host = "127.0.0.1"
    elif not _is_ipv4(host):
        host = sim_sites.WORLD.host(host).ip
    return (host, port)


def _local(ip):
    return ip.startswith("127.")


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """socket.getaddrinfo: one IPv4 address (see _address)."""
    ip, port = _address(host, port)
    return [(_real_socket.AF_INET, _real_socket.SOCK_STREAM,
             _real_socket.IPPROTO_TCP, "", (ip, port))]


class _Socket:
    """A non-blocking TCP socket of the simulated world."""

    def __init__(self, family=_real_socket.AF_INET,
                 type=_real_socket.SOCK_STREAM, proto=0, fileno=None):
        self.family, self.type = family, type
        self.proto = proto or _real_socket.IPPROTO_TCP
        self._fd = NET.new_fd(self)
        self._local = ("0.0.0.0", 0)
        self._peer = None            # the connected _Socket
        self._peer_addr = None
        self._inbox = bytearray()
        self._eof = False            # the peer will send nothing more
        self._backlog = None         # list of accepted-to-be sockets
        self._error = 0              # pending SO_ERROR
        self._connecting = False     # writable once (connect outcome)
        self._shut_wr = False
        self._since = next(NET.seq)  # when it last became ready
        self._remote = None          # sim_sites.Conn of a remote connection
        self._remote_addr = None     # where a remote connect goes
        self._reset = False          # the peer reset the connection

    # -- identity ---------------------------------------------------------
    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        pass

    def settimeout(self, value):
        pass

    def setsockopt(self, *args):
        pass

    def getsockopt(self, level, option, buflen=None):
        if option == _real_socket.SO_ERROR:
            err, self._error = self._error, 0
            return err
        return 0

    def getsockname(self):
        return self._local

    def getpeername(self):
        if self._peer_addr is None:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not "
                                          "connected")
        return self._peer_addr

    # -- listening ----------------------------------------------------------
    def bind(self, address):
        address = _address(*address[:2])
        if address in NET.listeners:
            raise OSError(errno.EADDRINUSE, "Address already in use")
        self._local = address

    def listen(self, backlog=0):
        self._backlog = []
        NET.listeners[self._local] = self

    def accept(self):
        if not self._backlog:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily "
                                                "unavailable")
        conn = self._backlog.pop(0)
        return conn, conn._peer_addr

    # -- connecting ---------------------------------------------------------
    def connect(self, address):
        address = _address(*address[:2])
        if not _local(address[0]):
            self._local = (sim_sites.OWN_ADDRESS, next(NET.ports))
            self._remote_addr = address
            events = []
            self._remote = sim_sites.WORLD.connect(*address, NET.now(),
                                                   events)
            NET.schedule(self, events)
            raise BlockingIOError(errno.EINPROGRESS,
                                  "Operation now in progress")
        self._local = ("127.0.0.1", next(NET.ports))
        listener = NET.listeners.get(address)
        self._connecting = True
        if listener is None:
            self._mark_ready()
            self._error = errno.ECONNREFUSED
        else:
            # The listener is ready before the client (as Linux's epoll
            # reports a loopback connect).
            conn = _Socket()
            conn._local = address
            conn._peer, conn._peer_addr = self, self._local
            self._peer, self._peer_addr = conn, address
            if not listener._backlog:
                listener._mark_ready()
            self._mark_ready()
            listener._backlog.append(conn)
        raise BlockingIOError(errno.EINPROGRESS, "Operation now in progress")

    # -- data ---------------------------------------------------------------
    def recv(self, n):
        if self._inbox:
            data = bytes(self._inbox[:n])
            del self._inbox[:n]
            return data
        if self._reset:
            raise ConnectionResetError(errno.ECONNRESET,
                                       "Connection reset by peer")
        if self._eof:
            return b""
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily "
                                            "unavailable")

    def send(self, data):
        data = bytes(data)
        if self._remote is not None:
            return self._send_remote(data)
        peer = self._peer
        if peer is not None and peer._fd is not None:
            if not peer._inbox and not peer._eof:
                peer._mark_ready()
            peer._inbox += data
        return len(data)

    def _send_remote(self, data):
        """Bytes into the send buffer of a remote connection: the site
        receives them when they arrive."""
        if self._reset:
            raise ConnectionResetError(errno.ECONNRESET,
                                       "Connection reset by peer")
        conn, now = self._remote, NET.now()
        take = min(len(data), sim_sites.SEND_BUFFER - conn.up.queued(now))
        if take <= 0:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily "
                                                "unavailable")
        events = []
        conn.receive(data[:take], conn.up.carry(now, take), events)
        if conn.up.queued(now) >= sim_sites.SEND_BUFFER:
            events.append((conn.up.segments[0][0], "room", b""))
        NET.schedule(self, events)
        return take

    def _arrive(self, kind, data):
        """What the remote side sent reaches this socket."""
        if kind in ("connected", "refused"):
            self._connecting = True
            if kind == "refused":
                self._error = errno.ECONNREFUSED
                self._remote = None
            else:
                self._peer_addr = self._remote_addr
        elif kind == "data":
            if self._inbox or self._eof or self._reset:
                self._inbox += data
                return
            self._inbox += data
        elif kind == "eof":
            if self._eof:
                return
            self._eof = True
            if self._inbox:
                return
        elif kind == "reset":
            self._reset = True
        self._mark_ready()

    def shutdown(self, how):
        if how in (_real_socket.SHUT_WR, _real_socket.SHUT_RDWR):
            self._send_eof()

    def _send_eof(self):
        if self._shut_wr:
            return
        self._shut_wr = True
        if self._remote is not None and not self._reset:
            conn, events = self._remote, []
            conn.receive_eof(conn.up.carry(NET.now(), 0), events)
            NET.schedule(self, events)
        peer = self._peer
        if peer is not None and peer._fd is not None and not peer._eof:
            if not peer._inbox:
                peer._mark_ready()
            peer._eof = True

    def close(self):
        if self._fd is None:
            return
        self._send_eof()
        if self._backlog is not None:
            if NET.listeners.get(self._local) is self:
                del NET.listeners[self._local]
            for conn in self._backlog:
                conn.close()
            self._backlog = []
        NET.open_fds.pop(self._fd, None)
        self._fd = None

    def detach(self):
        self.close()

    # -- readiness ----------------------------------------------------------
    def _mark_ready(self):
        self._since = next(NET.seq)

    def _events(self):
        mask = 0
        if self._backlog or self._inbox or self._eof or self._reset:
            mask |= selectors.EVENT_READ
        if self._connecting or self._reset or (self._peer is not None and
                                               not self._shut_wr):
            mask |= selectors.EVENT_WRITE
        elif (self._remote is not None and self._peer_addr is not None
              and not self._shut_wr and self._remote.up.queued(NET.now())
              < sim_sites.SEND_BUFFER):
            mask |= selectors.EVENT_WRITE
        return mask


_Socket.__name__ = _Socket.__qualname__ = "socket"
_Socket.__module__ = "socket"


class Selector(selectors._BaseSelectorImpl):
    """Reports ready descriptors in the order in which they became ready
    (ties: by descriptor)."""

    def select(self, timeout=None):
        NET.arrive()
        ready = []
        for key in self._fd_to_key.values():
            since, mask = NET.events(key.fd)
            if mask & key.events:
                ready.append((since, key.fd, key, mask & key.events))
        ready.sort(key=lambda item: item[:2])
        for _, fd, _, mask in ready:
            sock = NET.open_fds[fd]
            sock._connecting = False
            sock._mark_ready()  # level-triggered: still ready, requeued
        return [(key, mask) for _, _, key, mask in ready]

    def has_events(self):
        return any(NET.events(key.fd)[1] & key.events
                   for key in self._fd_to_key.values())


def _socket_module():
    """What base_events sees as the socket module."""
    module = types.ModuleType("socket")
    module.__dict__.update(_real_socket.__dict__)
    module.socket = _Socket
    module.getaddrinfo = getaddrinfo
    return module


class SelectorLoop(selector_events.BaseSelectorEventLoop):
    """BaseSelectorEventLoop over the simulated selector; no self-pipe
    (deliveries from threads are made by the poll, see sim_threads)."""

    def __init__(self):
        # BaseSelectorEventLoop.__init__ without its "Using selector" debug
        # log line (a real loop's is about its real selector).
        base_events.BaseEventLoop.__init__(self)
        self._selector = Selector()
        self._transports = weakref.WeakValueDictionary()

    def _make_self_pipe(self):
        pass

    def _close_self_pipe(self):
        pass

    def _net_poll(self, emit):
        """The poll's socket events: ready reader/writer handles are
        appended to the ready queue (_process_events -> _add_callback);
        `emit(handle)` tells the transcript."""
        ready = self._ready
        before = len(ready)
        self._process_events(self._selector.select(0))
        for handle in list(ready)[before:]:
            emit(handle)

    def _net_ready(self):
        return self._selector.has_events()


def _exchange(host, port, data):
    """loopscope.blocking_exchange's native: a remote host's site answers;
    on the machine a listener cannot answer a blocked loop."""
    ip, port = _address(host, port)
    if _local(ip):
        if (ip, port) in NET.listeners:
            return b"", None, "silent"
        return b"", 0.0, "refused"
    return sim_sites.WORLD.exchange(ip, port, bytes(data), NET.now())


def install(handle_class, clock):
    """Gives asyncio's loop machinery the simulated socket module, and
    makes add_reader/add_writer create `handle_class` handles (numbered at
    creation, like every handle); `clock.now` is the virtual time. Programs
    can `import loopscope` (sim_sites.py)."""
    NET.clock = clock
    module = sim_sites.loopscope_module()
    module._world_exchange = _exchange
    sys.modules["loopscope"] = module
    base_events.socket = _socket_module()
    selector_events.socket = base_events.socket
    events = types.ModuleType("events")
    events.__dict__.update(selector_events.events.__dict__)
    events.Handle = handle_class
    selector_events.events = events
