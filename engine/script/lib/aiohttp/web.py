"""aiohttp.web, simulated by loopscope: a minimal HTTP/1.1 server over
asyncio.start_server. Application with a router (add_get/add_post/...,
add_routes, RouteTableDef, {name} path parts), Request, Response,
json_response, the common HTTPException classes, AppRunner + TCPSite, and
run_app. Same names and default bodies as aiohttp 3.9."""

import asyncio
import json as _json

from _loopscope_http import (Headers, REASONS, render_head, read_head, read_body, keep_alive,
                             charset_of, mimetype_of, parse_query)

SERVER = "Python/3.11 aiohttp/3.9.5"


class Response:
    def __init__(self, *, body=None, status=200, reason=None, text=None, headers=None,
                 content_type=None, charset=None):
        self.status = status
        self.reason = reason if reason is not None else REASONS.get(status, "")
        self.headers = Headers(headers or {})
        if text is not None:
            if body is not None:
                raise ValueError("body and text are not allowed together")
            ctype = content_type or "text/plain"
            self.body = text.encode(charset or "utf-8")
            if "Content-Type" not in self.headers:
                self.headers["Content-Type"] = ctype + "; charset=" + (charset or "utf-8")
        else:
            self.body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
            if content_type is not None and "Content-Type" not in self.headers:
                ctype = content_type + ("; charset=" + charset if charset else "")
                self.headers["Content-Type"] = ctype
            elif body is not None and "Content-Type" not in self.headers:
                self.headers["Content-Type"] = "application/octet-stream"

    @property
    def text(self):
        return self.body.decode(charset_of(self.headers))

    @property
    def content_type(self):
        return mimetype_of(self.headers)

    def set_status(self, status, reason=None):
        self.status = status
        self.reason = reason if reason is not None else REASONS.get(status, "")

    def _render(self, keep):
        hdrs = Headers(self.headers)
        hdrs["Content-Length"] = str(len(self.body))
        hdrs["Server"] = SERVER
        if not keep:
            hdrs["Connection"] = "close"
        return render_head("HTTP/1.1 %d %s" % (self.status, self.reason), hdrs) + self.body

    def __repr__(self):
        return "<Response %s not prepared>" % self.reason


def json_response(data=None, *, text=None, body=None, status=200, reason=None, headers=None,
                  content_type="application/json", dumps=_json.dumps):
    if text is None and body is None:
        text = dumps(data)
    return Response(text=text, body=body, status=status, reason=reason, headers=headers,
                    content_type=content_type)


class HTTPException(Exception):
    status_code = -1

    def __init__(self, *, headers=None, reason=None, text=None, content_type=None):
        self.status = self.status_code
        self.reason = reason if reason is not None else REASONS.get(self.status_code, "")
        if text is None:
            text = "%d: %s" % (self.status_code, self.reason)
        self.text = text
        self.headers = headers
        self.content_type = content_type
        super().__init__(self.reason)

    def _response(self):
        return Response(status=self.status, reason=self.reason, text=self.text,
                        headers=self.headers, content_type=self.content_type)


class HTTPOk(HTTPException):
    status_code = 200


class HTTPCreated(HTTPException):
    status_code = 201


class HTTPNoContent(HTTPException):
    status_code = 204


class _HTTPMove(HTTPException):
    def __init__(self, location, *, headers=None, reason=None, text=None, content_type=None):
        if not location:
            raise ValueError("HTTP redirects need a location to redirect to.")
        headers = dict(headers or {})
        headers["Location"] = str(location)
        self.location = location
        super().__init__(headers=headers, reason=reason, text=text, content_type=content_type)


class HTTPMovedPermanently(_HTTPMove):
    status_code = 301


class HTTPFound(_HTTPMove):
    status_code = 302


class HTTPSeeOther(_HTTPMove):
    status_code = 303


class HTTPTemporaryRedirect(_HTTPMove):
    status_code = 307


class HTTPPermanentRedirect(_HTTPMove):
    status_code = 308


class HTTPBadRequest(HTTPException):
    status_code = 400


class HTTPUnauthorized(HTTPException):
    status_code = 401


class HTTPForbidden(HTTPException):
    status_code = 403


class HTTPNotFound(HTTPException):
    status_code = 404


class HTTPMethodNotAllowed(HTTPException):
    status_code = 405

    def __init__(self, method, allowed_methods, **kwargs):
        self.method = method.upper()
        self.allowed_methods = set(allowed_methods)
        super().__init__(**kwargs)


class HTTPConflict(HTTPException):
    status_code = 409


class HTTPTooManyRequests(HTTPException):
    status_code = 429


class HTTPInternalServerError(HTTPException):
    status_code = 500


class HTTPServiceUnavailable(HTTPException):
    status_code = 503


class Request:
    def __init__(self, app, method, target, version, headers, body, peer):
        self.app = app
        self.method = method
        self.path_qs = target
        self.path, _, self.query_string = target.partition("?")
        self.query = parse_query(self.query_string)
        self.version = version
        self.headers = headers
        self.match_info = {}
        self.remote = peer[0] if peer else None
        self.host = headers.get("Host")
        self._body = body

    @property
    def content_type(self):
        return mimetype_of(self.headers)

    @property
    def can_read_body(self):
        return bool(self._body)

    @property
    def body_exists(self):
        return bool(self._body)

    async def read(self):
        return self._body

    async def text(self):
        return self._body.decode(charset_of(self.headers))

    async def json(self, *, loads=_json.loads):
        return loads(self._body.decode(charset_of(self.headers)))

    async def post(self):
        return parse_query(self._body.decode(charset_of(self.headers)))

    def __getitem__(self, key):
        return self.app[key]

    def __repr__(self):
        return "<Request %s %s >" % (self.method, self.path)


class RouteDef:
    def __init__(self, method, path, handler):
        self.method = method
        self.path = path
        self.handler = handler

    def register(self, router):
        router.add_route(self.method, self.path, self.handler)


def route(method, path, handler):
    return RouteDef(method, path, handler)


def get(path, handler):
    return RouteDef("GET", path, handler)


def post(path, handler):
    return RouteDef("POST", path, handler)


def put(path, handler):
    return RouteDef("PUT", path, handler)


def patch(path, handler):
    return RouteDef("PATCH", path, handler)


def delete(path, handler):
    return RouteDef("DELETE", path, handler)


class RouteTableDef:
    def __init__(self):
        self._items = []

    def route(self, method, path):
        def register(handler):
            self._items.append(RouteDef(method, path, handler))
            return handler
        return register

    def get(self, path):
        return self.route("GET", path)

    def post(self, path):
        return self.route("POST", path)

    def put(self, path):
        return self.route("PUT", path)

    def patch(self, path):
        return self.route("PATCH", path)

    def delete(self, path):
        return self.route("DELETE", path)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


def _match(pattern, path):
    """The {name} parts of `path` under `pattern`, or None."""
    want = pattern.strip("/").split("/")
    have = path.strip("/").split("/")
    if len(want) != len(have):
        return None
    found = {}
    for w, h in zip(want, have):
        if w.startswith("{") and w.endswith("}"):
            if not h:
                return None
            found[w[1:-1].split(":")[0]] = h
        elif w != h:
            return None
    return found


class UrlDispatcher:
    def __init__(self):
        self._routes = []

    def add_route(self, method, path, handler):
        self._routes.append(RouteDef(method.upper(), path, handler))

    def add_get(self, path, handler, **kwargs):
        self.add_route("GET", path, handler)

    def add_post(self, path, handler, **kwargs):
        self.add_route("POST", path, handler)

    def add_put(self, path, handler, **kwargs):
        self.add_route("PUT", path, handler)

    def add_patch(self, path, handler, **kwargs):
        self.add_route("PATCH", path, handler)

    def add_delete(self, path, handler, **kwargs):
        self.add_route("DELETE", path, handler)

    def add_routes(self, routes):
        for r in routes:
            r.register(self)

    def resolve(self, method, path):
        """(handler, match_info); raises HTTPNotFound / HTTPMethodNotAllowed."""
        allowed = []
        for r in self._routes:
            info = _match(r.path, path)
            if info is None:
                continue
            if r.method in (method, "*") or (method == "HEAD" and r.method == "GET"):
                return r.handler, info
            allowed.append(r.method)
        if allowed:
            raise HTTPMethodNotAllowed(method, allowed)
        raise HTTPNotFound()


def middleware(f):
    """Marks an `async def mw(request, handler)` as a new-style middleware."""
    f.__middleware_version__ = 1
    return f


class Application:
    def __init__(self, *, middlewares=(), **kwargs):
        self.middlewares = list(middlewares)
        self.router = UrlDispatcher()
        self.on_startup = []
        self.on_cleanup = []
        self._state = {}

    def add_routes(self, routes):
        self.router.add_routes(routes)

    def __getitem__(self, key):
        return self._state[key]

    def __setitem__(self, key, value):
        self._state[key] = value

    def __contains__(self, key):
        return key in self._state

    def get(self, key, default=None):
        return self._state.get(key, default)

    async def _handle(self, request):
        try:
            try:
                handler, request.match_info = self.router.resolve(request.method, request.path)
            except HTTPException as exc:
                handler = _raiser(exc)  # middlewares see 404 and 405 too
            for mw in reversed(self.middlewares):
                handler = _wrap_middleware(mw, handler)
            response = await handler(request)
        except HTTPException as exc:
            return exc._response()
        except Exception:
            return Response(status=500, text="500 Internal Server Error\n\nServer got itself in trouble")
        return response


def _raiser(exc):
    async def fail(request):
        raise exc
    return fail


def _wrap_middleware(mw, handler):
    async def call(request):
        return await mw(request, handler)
    return call


class AppRunner:
    def __init__(self, app, **kwargs):
        self.app = app
        self._sites = []
        self._writers = {}

    async def setup(self):
        for hook in self.app.on_startup:
            await hook(self.app)

    @property
    def sites(self):
        return set(self._sites)

    async def _serve(self, reader, writer):
        self._writers[writer] = asyncio.current_task()
        peer = writer.get_extra_info("peername")
        try:
            while True:
                head = await read_head(reader)
                if head is None:
                    break
                line, headers = head
                method, target, version = line.split(" ", 2)
                body = await read_body(reader, headers, False)
                request = Request(self.app, method, target, version, headers, body, peer)
                response = await self.app._handle(request)
                keep = keep_alive(version, headers)
                data = response._render(keep)
                if method == "HEAD":
                    data = data[:len(data) - len(response.body)]
                writer.write(data)
                await writer.drain()
                if not keep:
                    break
        except (ConnectionResetError, asyncio.IncompleteReadError):
            pass
        finally:
            del self._writers[writer]
            writer.close()

    async def cleanup(self):
        for site in list(self._sites):
            await site.stop()
        # As aiohttp's shutdown: open connections are closed and their
        # handlers finish before cleanup returns.
        serving = list(self._writers.values())
        for writer in list(self._writers):
            writer.close()
        if serving:
            await asyncio.wait(serving)
        for hook in self.app.on_cleanup:
            await hook(self.app)


class TCPSite:
    def __init__(self, runner, host=None, port=None, **kwargs):
        self._runner = runner
        self._host = host
        self._port = 8080 if port is None else port
        self._server = None

    @property
    def name(self):
        return "http://%s:%d" % (self._host or "0.0.0.0", self._port)

    async def start(self):
        self._server = await asyncio.start_server(self._runner._serve, self._host or "0.0.0.0",
                                                  self._port)
        self._runner._sites.append(self)

    async def stop(self):
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
            self._runner._sites.remove(self)


async def _run_app(app, host, port, print):
    runner = AppRunner(app)
    await runner.setup()
    site = TCPSite(runner, host, port)
    await site.start()
    if print is not None:
        print("======== Running on %s ========\n(Press CTRL+C to quit)" % site.name)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def run_app(app, *, host=None, port=None, print=print, **kwargs):
    asyncio.run(_run_app(app, host, port, print))
