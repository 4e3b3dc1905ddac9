"""requests, simulated by loopscope: BLOCKING HTTP. A call does its whole
exchange without the event loop, holding the loop (or the worker thread
that calls it) for the exchange's virtual duration, as time.sleep does
(docs/SIMULATED_WORLD.md, "Blocking HTTP"). The same names, fields and
messages as requests 2.31."""

import json as _json
import time

import loopscope
from _loopscope_http import URL, Headers, REASONS, encode_body, charset_of, render_head
from requests.exceptions import (RequestException, HTTPError, ConnectionError, Timeout,
                                 ConnectTimeout, ReadTimeout, MissingSchema, InvalidSchema,
                                 InvalidURL, JSONDecodeError)
from requests import exceptions

__version__ = "2.31.0"
_FAKE_ID = "0x?"  # as transcripts show any address


class Response:
    def __init__(self, url, status_code, headers, content, request=None):
        self.url = url
        self.status_code = status_code
        self.reason = REASONS.get(status_code, "")
        self.headers = headers
        self.content = content
        self.encoding = charset_of(headers)
        self.request = request

    @property
    def text(self):
        return self.content.decode(self.encoding or "utf-8")

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except ValueError as e:
            raise JSONDecodeError(str(e)) from None

    @property
    def ok(self):
        return self.status_code < 400

    def __bool__(self):
        return self.ok

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            kind = "Client"
        elif 500 <= self.status_code < 600:
            kind = "Server"
        else:
            return
        raise HTTPError("%s %s Error: %s for url: %s" % (self.status_code, kind, self.reason, self.url),
                        response=self)

    def close(self):
        pass

    def __repr__(self):
        return "<Response [%s]>" % self.status_code


def _pool(url):
    kind = "HTTPSConnectionPool" if url.scheme == "https" else "HTTPConnectionPool"
    return "%s(host=%r, port=%d)" % (kind, url.host, url.port)


def _connection(url):
    kind = "HTTPSConnection" if url.scheme == "https" else "HTTPConnection"
    return "<urllib3.connection.%s object at %s>" % (kind, _FAKE_ID)


def _read_timeout(timeout):
    if isinstance(timeout, tuple):
        return timeout[1]
    return timeout


def _connect_timeout(timeout):
    if isinstance(timeout, tuple):
        return timeout[0]
    return timeout


def _is_local(host):
    return host in ("localhost", "") or host.startswith("127.")


def _parse(text):
    if "://" not in text:
        raise MissingSchema("Invalid URL %r: No scheme supplied. Perhaps you meant https://%s?" % (text, text))
    url = URL(text)
    if url.scheme not in ("http", "https"):
        raise InvalidSchema("No connection adapters were found for %r" % text)
    if not url.host:
        raise InvalidURL("Invalid URL %r: No host supplied" % text)
    return url


def _refused(target):
    return ConnectionError(
        "%s: Max retries exceeded with url: %s (Caused by NewConnectionError('%s: Failed to "
        "establish a new connection: [Errno 111] Connection refused'))"
        % (_pool(target), target.path_qs, _connection(target)))


def _request_bytes(method, target, body, content_type, headers):
    head = Headers({"Host": target.host_header(), "User-Agent": "python-requests/2.31.0",
                    "Accept-Encoding": "gzip, deflate", "Accept": "*/*", "Connection": "close"})
    if content_type:
        head["Content-Type"] = content_type
    if body or method in ("POST", "PUT", "PATCH"):
        head["Content-Length"] = str(len(body))
    for key, value in (headers or {}).items():
        head[key] = value
    return render_head("%s %s HTTP/1.1" % (method, target.path_qs), head) + body


def _response(url, reply):
    """The site's answer (status line, headers, body) as a Response."""
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = Headers()
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers.add(key.strip(), value.strip())
    length = headers.get("Content-Length")
    if length is not None:
        body = body[:int(length)]
    return Response(url, status, headers, body)


def request(method, url, params=None, data=None, headers=None, json=None, timeout=None, **kwargs):
    """The exchange, blocking (docs/SIMULATED_WORLD.md, "Blocking HTTP"):
    the world answers at once with the reply and how long it takes; the
    call holds the loop (time.sleep) for that long, or for its read timeout
    when the answer would come later or never. A server in this program's
    own event loop can never answer while the call holds the loop: without
    a timeout that would wait forever, which loopscope reports as an error
    instead of hanging."""
    target = _parse(str(url)).with_params(params)
    body, content_type = encode_body(json, data, headers)
    raw = _request_bytes(method.upper(), target, body, content_type, headers)
    reply, seconds, outcome = loopscope.blocking_exchange(target.host, target.port, raw)
    if outcome == "refused":
        raise _refused(target)
    local = _is_local(target.host)
    wait = _read_timeout(timeout)
    if seconds is None and not local:
        wait = _connect_timeout(timeout)
    if seconds is None and wait is None:
        why = ("is served by this program's event loop, which cannot answer while a blocking call holds it"
               if local else "never answers")
        raise RuntimeError("requests.%s(%r) would wait forever: %s:%d %s (give a timeout=, or use aiohttp)"
                           % (method.lower(), str(url), target.host, target.port, why))
    if seconds is None and not local:
        # Nobody at that address: the connect itself is never answered.
        time.sleep(wait)
        raise ConnectTimeout("%s: Max retries exceeded with url: %s (Caused by ConnectTimeoutError(%s, "
                             "'Connection to %s timed out. (connect timeout=%s)'))"
                             % (_pool(target), target.path_qs, _connection(target), target.host, wait))
    if seconds is None or (wait is not None and seconds > wait):
        time.sleep(wait)
        raise ReadTimeout("%s: Read timed out. (read timeout=%s)" % (_pool(target), wait))
    time.sleep(seconds)
    if outcome == "reset":
        raise ConnectionError("('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
    return _response(str(target), reply)


def get(url, params=None, **kwargs):
    return request("get", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("options", url, **kwargs)


def head(url, **kwargs):
    return request("head", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("post", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("put", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("patch", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("delete", url, **kwargs)


class Session:
    def __init__(self):
        self.headers = Headers({"User-Agent": "python-requests/2.31.0"})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass

    def request(self, method, url, **kwargs):
        return request(method, url, **kwargs)

    def get(self, url, **kwargs):
        return request("get", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return request("post", url, data=data, json=json, **kwargs)
