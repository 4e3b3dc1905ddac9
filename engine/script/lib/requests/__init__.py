"""requests, simulated by loopscope: BLOCKING HTTP. A call does its whole
exchange without the event loop, holding the loop (or the worker thread
that calls it) for the exchange's virtual duration, as time.sleep does
(docs/SIMULATED_WORLD.md, "Blocking HTTP"). The same names, fields and
messages as requests 2.31."""

import json as _json
import time

import _loopscope_world
from _loopscope_http import URL, Headers, REASONS, encode_body, charset_of
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


def _parse(text):
    if "://" not in text:
        raise MissingSchema("Invalid URL %r: No scheme supplied. Perhaps you meant https://%s?" % (text, text))
    url = URL(text)
    if url.scheme not in ("http", "https"):
        raise InvalidSchema("No connection adapters were found for %r" % text)
    if not url.host:
        raise InvalidURL("Invalid URL %r: No host supplied" % text)
    return url


def request(method, url, params=None, data=None, headers=None, json=None, timeout=None, **kwargs):
    """The exchange, blocking. In the simulated world (latency 0) a host
    either refuses the connection at once, or is served by this program's
    own event loop, which cannot answer while this call holds it: the call
    then waits its whole read timeout (a `block` line) and raises
    ReadTimeout; without a timeout it would wait forever, which loopscope
    reports as an error instead of hanging."""
    target = _parse(str(url)).with_params(params)
    encode_body(json, data, headers)
    if not _loopscope_world.listening(target.host, target.port):
        raise ConnectionError(
            "%s: Max retries exceeded with url: %s (Caused by NewConnectionError('%s: Failed to "
            "establish a new connection: [Errno 111] Connection refused'))"
            % (_pool(target), target.path_qs, _connection(target)))
    wait = _read_timeout(timeout)
    if wait is None:
        raise RuntimeError(
            "requests.%s(%r) would wait forever: %s:%d is served by this program's event loop, "
            "which cannot answer while a blocking call holds it (give a timeout=, or use aiohttp)"
            % (method.lower(), str(url), target.host, target.port))
    time.sleep(wait)
    raise ReadTimeout("%s: Read timed out. (read timeout=%s)" % (_pool(target), wait))


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
