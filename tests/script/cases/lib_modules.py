# The simulated libraries written in Python (engine/script/lib): imported
# like any module, compiled once per run, submodules by `from package import
# name` and as attributes of their package, tracebacks naming their files
# (__file__ is relative to engine/script/lib and a traceback gives the base
# name, as for the program; CPython gives full paths).
import aiohttp
import aiohttp.client_exceptions
from aiohttp import web
from aiohttp import web as web2
import requests
from requests.exceptions import HTTPError
import aiofiles

print(aiohttp.__name__, aiohttp.__version__, aiohttp.__file__)
print(web.__name__, web.__file__, web is web2, aiohttp.web is web)
print(aiohttp.ClientError.__module__, aiohttp.ClientError.__name__)
print(aiohttp.client_exceptions.ClientError is aiohttp.ClientError)
print(issubclass(aiohttp.ClientConnectorError, OSError), issubclass(aiohttp.ClientResponseError, aiohttp.ClientError))
print(requests.exceptions.HTTPError is HTTPError, issubclass(HTTPError, IOError))
print(aiofiles.os.__name__, aiofiles.os.path.__name__)
print(aiohttp.ClientTimeout(total=3))


def dotted():
    import os.path
    import aiofiles.os  # binds the package aiofiles, here a local
    return aiofiles.os.__name__, os.path.basename("/a/b")


print(dotted())
try:
    from aiohttp import nothing_here
except ImportError as e:
    print(e)


def make():
    return web.Response(text="a", body=b"b")


make()
# expect: aiohttp 3.9.5 aiohttp/__init__.py
# expect: aiohttp.web aiohttp/web.py True True
# expect: aiohttp.client_exceptions ClientError
# expect: True
# expect: True True
# expect: True True
# expect: aiofiles.os aiofiles.ospath
# expect: ClientTimeout(total=3, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5)
# expect: ('aiofiles.os', 'b')
# expect: cannot import name 'nothing_here' from 'aiohttp'
# expect error: ValueError: body and text are not allowed together
# expect traceback: File "web.py", line 24, in __init__
# expect traceback: raise ValueError("body and text are not allowed together")
# expect traceback: line 38, in make
