"""aiohttp's client exceptions (simulated by loopscope): the same names,
bases and messages as aiohttp's client_exceptions module."""

import asyncio


class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """The server answered with an error status (raise_for_status)."""

    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        self.request_info = request_info
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return "%s, message=%r, url=%r" % (self.status, self.message, str(self.request_info.real_url))


class TooManyRedirects(ClientResponseError):
    """More redirects than max_redirects."""


class ContentTypeError(ClientResponseError):
    """resp.json() on a body that is not JSON."""


class ClientConnectionError(ClientError):
    """Base class for connection errors."""


class ClientOSError(ClientConnectionError, OSError):
    """An OSError while connecting or talking to the server."""


class ClientConnectorError(ClientOSError):
    """The connection could not be made (refused, unknown host)."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        ssl = "default" if self.ssl is True else self.ssl
        return "Cannot connect to host %s:%s ssl:%s [%s]" % (self.host, self.port, ssl, self.strerror)


class ServerConnectionError(ClientConnectionError):
    """The server broke the exchange."""


class ServerDisconnectedError(ServerConnectionError):
    """The server closed the connection before answering."""

    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """A read timed out."""


class InvalidURL(ClientError, ValueError):
    """A URL aiohttp cannot use."""

    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.url)


class ClientPayloadError(ClientError):
    """The response body was cut short."""
