"""Remote hosts, links and virtual web sites, for the CPython oracle.

The rules are in docs/SIMULATED_WORLD.md (Network: remote hosts, links,
sites); engine/world/sim_sites.cpp follows the same rules. A site is part of
the world, not of the program: it answers the bytes it receives at their
arrival time, at once (its answers are computed when the program sends, and
travel back over the link), so it shows in the transcript only through the
bytes that arrive.

The `loopscope` module's argument checks are the engine's script source
(engine/script/modules/loopscope.cpp), run here over the natives below, so
both sides raise the same errors.
"""

import os
import re
import types

SEND_BUFFER = 65536          # a remote connection's socket send buffer
FIRST_HOST = 2               # remote names: 10.0.0.2, 10.0.0.3, ...
OWN_ADDRESS = "10.0.0.1"     # the program's machine, seen from a remote host
MASK = (1 << 64) - 1

REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
    301: "Moved Permanently", 302: "Found", 304: "Not Modified",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
    409: "Conflict", 418: "I'm a Teapot", 429: "Too Many Requests",
    500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}
SLIDESHOW = b'{"slideshow": {"title": "Sample Slide Show", "slides": 2}}'


class Rng:
    """splitmix64: jitter draws, the same doubles as the engine's."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_float(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        return (z >> 11) * (1.0 / 9007199254740992.0)


class Link:
    """One direction of a connection: transmission at `bandwidth` bytes per
    second (0: unlimited), then `latency` (+ jitter) seconds in flight; bytes
    arrive in order."""

    def __init__(self, world, latency, bandwidth):
        self.world, self.latency, self.bandwidth = world, latency, bandwidth
        self.free_at = 0.0
        self.last = 0.0
        self.segments = []       # [tx_end, size] still in the send buffer

    def carry(self, t, size):
        start = max(t, self.free_at)
        end = start + size / self.bandwidth if self.bandwidth > 0 else start
        self.free_at = end
        if size:
            self.segments.append([end, size])
        arrival = end + self.latency
        if self.world.jitter > 0:
            arrival += self.world.jitter * self.world.rng.next_float()
        arrival = max(arrival, self.last)
        self.last = arrival
        return arrival

    def queued(self, t):
        self.segments = [s for s in self.segments if s[0] > t]
        return sum(s[1] for s in self.segments)


class Host:
    def __init__(self, name, ip):
        self.name, self.ip = name, ip
        self.defined = False     # False: the default site on 80 and 443
        self.sites = {}          # port -> list of routes
        self.latency = None
        self.bandwidth = None


class Conn:
    """A connection from the program to a remote host's site."""

    def __init__(self, world, host, port):
        lat = world.latency if host.latency is None else host.latency
        bw = world.bandwidth if host.bandwidth is None else host.bandwidth
        self.host, self.port = host, port
        self.up, self.down = Link(world, lat, bw), Link(world, lat, bw)
        self.buf = b""
        self.busy = 0.0          # when the site can start its next answer
        self.closed = False      # the site sends nothing more

    def receive(self, data, t, out):
        if self.closed:
            return
        self.buf += data
        while not self.closed:
            request = parse_request(self.buf)
            if request is None:
                return
            if request == "bad":
                self.buf = b""
                self.answer(t, 400, b"Bad Request", "text/plain; charset=utf-8",
                            0.0, -1, True, out)
                return
            method, target, headers, body, used = request
            self.buf = self.buf[used:]
            close = headers.get("connection", "").lower() == "close"
            status, body, ctype, delay, reset = self.route(method, target,
                                                          body)
            self.answer(t, status, body, ctype, delay, reset, close, out,
                        method == "HEAD")

    def route(self, method, target, body):
        path = target.split("?", 1)[0]
        if not self.host.defined:
            return default_site(self.host.name, method, target, path, body)
        routes = self.host.sites[self.port]
        for r in routes:
            if r[0] == method and r[1] == path:
                return r[2:]
        for r in routes:
            if r[0] == "" and r[1] == path:
                return r[2:]
        return 404, b"Not Found", "text/plain; charset=utf-8", 0.0, -1

    def answer(self, t, status, body, ctype, delay, reset, close, out,
               head_only=False):
        start = max(t + delay, self.busy)
        self.busy = start
        reason = REASONS.get(status, "Unknown")
        head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(body)}\r\n")
        if close:
            head += "Connection: close\r\n"
        data = head.encode() + b"\r\n" + (b"" if head_only else body)
        if reset >= 0:
            data = data[:reset]
        if data:
            out.append((self.down.carry(start, len(data)), "data", data))
        if reset >= 0:
            out.append((self.down.carry(start, 0), "reset", b""))
            self.closed = True
        elif close:
            out.append((self.down.carry(start, 0), "eof", b""))
            self.closed = True

    def receive_eof(self, t, out):
        if not self.closed:
            self.closed = True
            out.append((self.down.carry(max(t, self.busy), 0), "eof", b""))


def parse_request(buf):
    """(method, target, headers, body, bytes used), None (incomplete) or
    "bad"."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = buf[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        return "bad"
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            return "bad"
        headers[name.strip(" \t").lower()] = value.strip(" \t")
    length = headers.get("content-length", "0")
    if not re.fullmatch(r"[0-9]{1,12}", length):
        return "bad"
    used = end + 4 + int(length)
    if len(buf) < used:
        return None
    return parts[0], parts[1], headers, buf[end + 4:used], used


def _json_text(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def default_site(name, method, target, path, body):
    """The site of a host nobody defined (httpbin-like)."""
    text = "text/plain; charset=utf-8"
    js = "application/json"
    m = re.fullmatch(r"/status/([0-9]{3})", path)
    if m and 100 <= int(m.group(1)) <= 599:
        return int(m.group(1)), b"", text, 0.0, -1
    m = re.fullmatch(r"/delay/([0-9]{1,2})", path)
    delay = float(min(int(m.group(1)), 10)) if m else 0.0
    m2 = re.fullmatch(r"/bytes/([0-9]{1,8})", path)
    if m2:
        n = min(int(m2.group(1)), 10_000_000)
        return 200, b"x" * n, "application/octet-stream", 0.0, -1
    if path == "/json":
        return 200, SLIDESHOW, js, 0.0, -1
    if path in ("/", "/html"):
        page = f"<html><body><h1>{name}</h1></body></html>"
        return 200, page.encode(), "text/html; charset=utf-8", 0.0, -1
    if path == "/reset":
        return 200, b"", text, 0.0, 0
    if (m or path in ("/get", "/post", "/put", "/patch", "/delete",
                      "/anything") or path.startswith("/anything/")):
        echo = (f'{{"method": "{_json_text(method)}", "url": '
                f'"http://{_json_text(name + target)}", '
                f'"length": {len(body)}}}')
        return 200, echo.encode(), js, delay, -1
    return 404, b"Not Found", text, 0.0, -1


class World:
    """Remote hosts and the network settings (loopscope.network)."""

    def __init__(self):
        self.names = {}          # name -> Host
        self.by_ip = {}          # ip -> Host
        self.network(0.05, 0.0, 0.0, 0)

    def network(self, latency, bandwidth, jitter, seed):
        self.latency, self.bandwidth = latency, bandwidth
        self.jitter, self.rng = jitter, Rng(seed)

    def host(self, name):
        host = self.names.get(name)
        if host is None:
            ip = f"10.0.0.{FIRST_HOST + len(self.names)}"
            host = self.names[name] = self.by_ip[ip] = Host(name, ip)
        return host

    def site(self, name, port, latency, bandwidth, routes):
        host = self.host(name)
        if not host.defined:
            host.defined, host.sites = True, {}
        host.sites[port] = [tuple(r) for r in routes]
        if latency is not None:
            host.latency = latency
        if bandwidth is not None:
            host.bandwidth = bandwidth

    def connect(self, ip, port, t, out):
        """A connection from the program at time t; None when the host never
        answers (an address no name resolved to)."""
        host = self.by_ip.get(ip)
        if host is None:
            return None
        conn = Conn(self, host, port)
        syn = conn.up.carry(t, 0)
        served = port in host.sites if host.defined else port in (80, 443)
        out.append((conn.down.carry(syn, 0),
                    "connected" if served else "refused", b""))
        return conn if served else None

    def exchange(self, ip, port, data, t):
        """A blocking client's whole exchange from time t: connect, send
        `data` at once, take every answer. (reply, seconds, outcome)."""
        events = []
        conn = self.connect(ip, port, t, events)
        if not events:
            return b"", None, "silent"
        if conn is None:
            return b"", events[0][0] - t, "refused"
        at, events = events[0][0], []
        conn.receive(data, conn.up.carry(at, len(data)), events)
        conn.closed = True
        reply = b"".join(e[2] for e in events if e[1] == "data")
        last = max([at] + [e[0] for e in events])
        kinds = [e[1] for e in events]
        outcome = ("reset" if "reset" in kinds else
                   "closed" if "eof" in kinds else "open")
        return reply, last - t, outcome


WORLD = World()


def _loopscope_source():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "engine", "script", "modules",
                        "loopscope.cpp")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text.split('R"PY(', 1)[1].split(')PY"', 1)[0]


def loopscope_module():
    """The `loopscope` module a program imports: the engine's own source
    over this world."""
    module = types.ModuleType("loopscope")
    module._world_site = WORLD.site
    module._world_network = WORLD.network
    exec(compile(_loopscope_source(), "loopscope.py", "exec"),
         module.__dict__)
    return module
