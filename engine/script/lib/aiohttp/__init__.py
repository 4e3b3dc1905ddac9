"""aiohttp, simulated by loopscope: the client (ClientSession and friends)
and, in aiohttp.web, a minimal server, over asyncio's streams in the
simulated world. Written in Python; loopscope and its CPython oracle run
this same file."""

from aiohttp.client_exceptions import (ClientError, ClientResponseError, ContentTypeError,
                                       ClientConnectionError, ClientOSError, ClientConnectorError,
                                       ServerConnectionError, ServerDisconnectedError,
                                       ServerTimeoutError, InvalidURL, ClientPayloadError,
                                       TooManyRedirects)
from aiohttp.client import (ClientSession, ClientResponse, ClientTimeout, TCPConnector,
                            RequestInfo)

__version__ = "3.9.5"
