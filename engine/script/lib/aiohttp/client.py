"""aiohttp's client (simulated by loopscope): ClientSession, ClientResponse,
ClientTimeout and TCPConnector over asyncio's streams, speaking plain
HTTP/1.1 (https URLs connect to port 443 without TLS: the simulated world
has none). The same names, defaults and messages as aiohttp 3.9."""

import asyncio
import json as _json

from _loopscope_http import (URL, Headers, REASONS, encode_body, render_head, read_head,
                             read_body, keep_alive, charset_of, mimetype_of)
from aiohttp.client_exceptions import (ClientConnectorError, ClientResponseError,
                                       ContentTypeError, InvalidURL, ServerDisconnectedError,
                                       ClientPayloadError, ServerTimeoutError, TooManyRedirects)

USER_AGENT = "Python/3.11 aiohttp/3.9.5"


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return ("ClientTimeout(total=%r, connect=%r, sock_read=%r, sock_connect=%r, ceil_threshold=%r)"
                % (self.total, self.connect, self.sock_read, self.sock_connect, self.ceil_threshold))


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)


class ConnectionKey:
    def __init__(self, host, port, is_ssl, ssl):
        self.host = host
        self.port = port
        self.is_ssl = is_ssl
        self.ssl = ssl

    def pool_key(self):
        return (self.host, self.port, self.is_ssl)


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url

    def __repr__(self):
        return "RequestInfo(url=%r, method=%r, headers=%r, real_url=%r)" % (
            str(self.url), self.method, self.headers, str(self.real_url))


class _Connection:
    def __init__(self, key, reader, writer):
        self.key = key
        self.reader = reader
        self.writer = writer


class TCPConnector:
    """Connections per (host, port): at most `limit` in use at once (0: no
    limit); a connection whose response was read to its end is kept and
    reused by the next request to the same host."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False, ssl=True, **kwargs):
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._force_close = force_close
        self._ssl = ssl
        self._slots = asyncio.Semaphore(limit) if limit else None
        self._idle = {}
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def force_close(self):
        return self._force_close

    @property
    def closed(self):
        return self._closed

    async def _connect(self, key):
        if self._slots is not None:
            await self._slots.acquire()
        try:
            idle = self._idle.get(key.pool_key(), [])
            while idle:
                conn = idle.pop()
                if not conn.reader.at_eof():
                    return conn
                conn.writer.close()
            try:
                reader, writer = await asyncio.open_connection(key.host, key.port)
            except OSError as exc:
                raise ClientConnectorError(key, exc) from exc
            return _Connection(key, reader, writer)
        except BaseException:
            if self._slots is not None:
                self._slots.release()
            raise

    def _release(self, conn, reuse):
        if reuse and not self._force_close and not self._closed:
            self._idle.setdefault(conn.key.pool_key(), []).append(conn)
        else:
            conn.writer.close()
        if self._slots is not None:
            self._slots.release()

    async def close(self):
        for conns in self._idle.values():
            for conn in conns:
                conn.writer.close()
        self._idle = {}
        self._closed = True


class _BodyReader:
    """resp.content: the body (already received) read as a stream."""

    def __init__(self, body):
        self._body = body
        self._pos = 0

    def at_eof(self):
        return self._pos >= len(self._body)

    async def read(self, n=-1):
        end = len(self._body) if n is None or n < 0 else min(len(self._body), self._pos + n)
        data = self._body[self._pos:end]
        self._pos = end
        return data

    async def readany(self):
        return await self.read()

    async def readexactly(self, n):
        if self._pos + n > len(self._body):
            raise asyncio.IncompleteReadError(self._body[self._pos:], n)
        return await self.read(n)

    async def readline(self):
        nl = self._body.find(b"\n", self._pos)
        return await self.read(-1 if nl < 0 else nl + 1 - self._pos)

    async def iter_chunked(self, n):
        while not self.at_eof():
            yield await self.read(n)

    async def iter_any(self):
        while not self.at_eof():
            yield await self.read()

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


class ClientResponse:
    def __init__(self, method, url, status, reason, headers, body, request_info):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = reason
        self.headers = headers
        self.request_info = request_info
        self.history = ()
        self._body = body
        self.content = _BodyReader(body)
        self.closed = True

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return mimetype_of(self.headers)

    @property
    def charset(self):
        return charset_of(self.headers) if "charset" in self.headers.get("Content-Type", "") else None

    async def read(self):
        return self._body

    async def text(self, encoding=None):
        return self._body.decode(encoding or charset_of(self.headers))

    async def json(self, *, encoding=None, loads=_json.loads, content_type="application/json"):
        if content_type and content_type not in self.content_type:
            raise ContentTypeError(
                self.request_info, self.history, status=self.status, headers=self.headers,
                message="Attempt to decode JSON with unexpected mimetype: %s" % self.content_type)
        text = self._body.decode(encoding or charset_of(self.headers)).strip()
        if not text:
            return None
        return loads(text)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        pass

    def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def __repr__(self):
        return "<ClientResponse(%s) [%s %s]>\n%r\n" % (self.url, self.status, self.reason, self.headers)


class _RequestContextManager:
    """What session.get(...) returns: `async with` it (or await it) for
    the response."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None,
                 raise_for_status=False, connector_owner=True, **kwargs):
        self._base_url = URL(str(base_url)) if base_url is not None else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self._default_headers = Headers(headers or {})
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        if not self._closed:
            if self._connector_owner:
                await self._connector.close()
            self._closed = True

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request("GET", url, **kwargs))

    def post(self, url, **kwargs):
        return _RequestContextManager(self._request("POST", url, **kwargs))

    def put(self, url, **kwargs):
        return _RequestContextManager(self._request("PUT", url, **kwargs))

    def patch(self, url, **kwargs):
        return _RequestContextManager(self._request("PATCH", url, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request("HEAD", url, **kwargs))

    def _make_url(self, url):
        text = str(url)
        if self._base_url is not None and text.startswith("/"):
            text = str(self._base_url).rstrip("/") + text
        try:
            made = URL(text)
        except ValueError:
            raise InvalidURL(text) from None
        if made.scheme not in ("http", "https") or not made.host:
            raise InvalidURL(text)
        return made

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None,
                       timeout=None, raise_for_status=None, allow_redirects=True, max_redirects=10,
                       **kwargs):
        if self._closed:
            raise RuntimeError("Session is closed")
        url = self._make_url(url).with_params(params)
        timeout = timeout if timeout is not None else self._timeout
        if isinstance(timeout, (int, float)):
            timeout = ClientTimeout(total=timeout)
        request = (method, url, headers, data, json, timeout.sock_read)
        follow = max_redirects if allow_redirects else 0
        if timeout.total is not None:
            async with asyncio.timeout(timeout.total):
                resp = await self._follow(request, follow)
        else:
            resp = await self._follow(request, follow)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp

    async def _follow(self, request, max_redirects):
        """The exchange, and the redirects after it (as aiohttp: 303, and 301/302
        after a POST, become a GET without a body)."""
        method, url, headers, data, json_data, read_limit = request
        history = []
        while True:
            resp = await self._exchange(method, url, headers, data, json_data, read_limit)
            location = resp.headers.get("Location")
            if resp.status not in (301, 302, 303, 307, 308) or location is None or max_redirects == 0:
                resp.history = tuple(history)
                return resp
            history.append(resp)
            if len(history) > max_redirects:
                raise TooManyRedirects(history[0].request_info, tuple(history))
            if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                method, data, json_data = ("HEAD" if method == "HEAD" else "GET"), None, None
            if "://" not in location:
                location = "%s://%s%s" % (url.scheme, url.host_header(), location)
            url = self._make_url(location)

    def _request_headers(self, method, url, headers, body, ctype):
        hdrs = Headers([("Host", url.host_header()), ("Accept", "*/*"),
                        ("Accept-Encoding", "gzip, deflate"), ("User-Agent", USER_AGENT)])
        for key, value in self._default_headers.items():
            hdrs[key] = value
        for key, value in Headers(headers or {}).items():
            hdrs[key] = value
        if ctype is not None and "Content-Type" not in hdrs:
            hdrs["Content-Type"] = ctype
        if body or method in ("POST", "PUT", "PATCH"):
            hdrs["Content-Length"] = str(len(body))
        if self._connector.force_close:
            hdrs["Connection"] = "close"
        return hdrs

    async def _read(self, coro, limit):
        """A read of the response, within ClientTimeout.sock_read."""
        if limit is None:
            return await coro
        try:
            async with asyncio.timeout(limit):
                return await coro
        except TimeoutError:
            raise ServerTimeoutError("Timeout on reading data from socket") from None

    async def _exchange(self, method, url, headers, data, json_data, read_limit):
        body, ctype = encode_body(json_data, data, headers)
        hdrs = self._request_headers(method, url, headers, body, ctype)
        info = RequestInfo(url, method, hdrs)
        key = ConnectionKey(url.host, url.port, url.scheme == "https", True)
        conn = await self._connector._connect(key)
        reuse = False
        try:
            conn.writer.write(render_head("%s %s HTTP/1.1" % (method, url.path_qs), hdrs) + body)
            await conn.writer.drain()
            head = await self._read(read_head(conn.reader), read_limit)
            if head is None:
                raise ServerDisconnectedError()
            status_line, rheaders = head
            version, _, rest = status_line.partition(" ")
            code, _, reason = rest.partition(" ")
            status = int(code)
            if method == "HEAD" or status in (204, 304):
                payload = b""
            else:
                payload = await self._read(read_body(conn.reader, rheaders, True), read_limit)
            framed = "Content-Length" in rheaders or "Transfer-Encoding" in rheaders
            reuse = framed and keep_alive(version, rheaders)
        except asyncio.IncompleteReadError:
            raise ClientPayloadError("Response payload is not completed") from None
        except ConnectionResetError:
            raise ServerDisconnectedError() from None
        finally:
            self._connector._release(conn, reuse)
        return ClientResponse(method, url, status, reason or REASONS.get(status, ""), rheaders, payload, info)
