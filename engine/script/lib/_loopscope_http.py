"""HTTP/1.1 pieces shared by loopscope's simulated aiohttp and requests:
URLs, case-insensitive headers, and reading one message from a stream.

Written once, in the script language's subset of Python: loopscope runs
it, and the CPython oracle imports the same file."""

import json

DEFAULT_PORTS = {"http": 80, "https": 443}
REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
    301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
    307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
    409: "Conflict", 418: "I'm a Teapot", 422: "Unprocessable Entity",
    429: "Too Many Requests", 500: "Internal Server Error",
    501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
}
_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~"


def quote(text, safe="", plus=False):
    out = []
    for byte in str(text).encode("utf-8"):
        ch = chr(byte)
        if ch in _SAFE or ch in safe:
            out.append(ch)
        elif plus and ch == " ":
            out.append("+")
        else:
            out.append("%%%02X" % byte)
    return "".join(out)


def unquote(text):
    data = bytearray()
    i = 0
    raw = text.replace("+", " ")
    while i < len(raw):
        if raw[i] == "%" and i + 2 < len(raw):
            data += bytes([int(raw[i + 1:i + 3], 16)])
            i += 3
        else:
            data += raw[i].encode("utf-8")
            i += 1
    return data.decode("utf-8")


def urlencode(params):
    items = params.items() if isinstance(params, dict) else params
    return "&".join(quote(k, plus=True) + "=" + quote(v, plus=True) for k, v in items)


def parse_query(text):
    result = {}
    for part in text.split("&"):
        if part:
            key, _, value = part.partition("=")
            result[unquote(key)] = unquote(value)
    return result


class URL:
    """scheme://host[:port]/path?query (what the simulated world needs)."""

    def __init__(self, text):
        self.text = text
        scheme, sep, rest = text.partition("://")
        if not sep:
            raise ValueError(text)
        self.scheme = scheme.lower()
        netloc, slash, path = rest.partition("/")
        self.path_qs = slash + path if slash else "/"
        if "#" in self.path_qs:
            self.path_qs = self.path_qs[:self.path_qs.index("#")]
        host, colon, port = netloc.rpartition(":")
        if colon and port.isdigit():
            self.host, self.port, self.explicit_port = host, int(port), True
        else:
            self.host = netloc
            self.port = DEFAULT_PORTS.get(self.scheme, 80)
            self.explicit_port = False
        self.path, _, self.query_string = self.path_qs.partition("?")

    def with_params(self, params):
        if not params:
            return self
        sep = "&" if self.query_string else ("" if self.text.endswith("?") else "?")
        return URL(self.text + sep + urlencode(params))

    def host_header(self):
        return self.host + (":%d" % self.port if self.explicit_port else "")

    def __str__(self):
        return self.text


class Headers:
    """Case-insensitive, ordered, several values per name (as multidict's
    CIMultiDict)."""

    def __init__(self, items=()):
        self._items = []
        if isinstance(items, (dict, Headers)):
            items = items.items()
        for key, value in items:
            self._items.append((str(key), str(value)))

    def add(self, key, value):
        self._items.append((key, str(value)))

    def __setitem__(self, key, value):
        low = key.lower()
        self._items = [kv for kv in self._items if kv[0].lower() != low]
        self._items.append((key, str(value)))

    def get(self, key, default=None):
        low = key.lower()
        for k, v in self._items:
            if k.lower() == low:
                return v
        return default

    def getall(self, key):
        low = key.lower()
        return [v for k, v in self._items if k.lower() == low]

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key):
        return self.get(key) is not None

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter([k for k, v in self._items])

    def keys(self):
        return [k for k, v in self._items]

    def values(self):
        return [v for k, v in self._items]

    def items(self):
        return list(self._items)

    def __repr__(self):
        body = ", ".join("%r: %r" % (k, v) for k, v in self._items)
        return "<CIMultiDictProxy(" + body + ")>"


def encode_body(json_data, data, headers):
    """The request body as bytes, and the Content-Type it implies."""
    if json_data is not None:
        return json.dumps(json_data).encode("utf-8"), "application/json"
    if data is None:
        return b"", None
    if isinstance(data, dict):
        return urlencode(data).encode("utf-8"), "application/x-www-form-urlencoded"
    if isinstance(data, str):
        return data.encode("utf-8"), "text/plain; charset=utf-8"
    return bytes(data), "application/octet-stream"


def render_head(first_line, headers):
    lines = [first_line]
    for key, value in headers.items():
        lines.append(key + ": " + value)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def read_head(reader):
    """The first line and the headers of a message; None at a clean EOF."""
    first = await reader.readline()
    if not first:
        return None
    headers = Headers()
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionResetError("connection closed in the middle of the headers")
        line = line.decode("latin-1").rstrip("\r\n")
        if not line:
            break
        key, _, value = line.partition(":")
        headers.add(key.strip(), value.strip())
    return first.decode("latin-1").rstrip("\r\n"), headers


async def read_body(reader, headers, until_eof):
    """The body as bytes: by Content-Length, chunked, or (a response
    without either) until the peer closes."""
    length = headers.get("Content-Length")
    if length is not None:
        return await reader.readexactly(int(length))
    if headers.get("Transfer-Encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readline()).strip().split(b";")[0], 16)
            if size == 0:
                await reader.readline()
                return body
            body += await reader.readexactly(size)
            await reader.readline()
    if until_eof:
        return await reader.read()
    return b""


def keep_alive(version, headers):
    conn = headers.get("Connection", "").lower()
    if version == "HTTP/1.0":
        return conn == "keep-alive"
    return conn != "close"


def charset_of(headers):
    ctype = headers.get("Content-Type", "")
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            return value.strip('"')
    return "utf-8"


def mimetype_of(headers):
    return headers.get("Content-Type", "application/octet-stream").split(";")[0].strip().lower()
