"""aiosqlite's Result: what execute() and friends return, both awaitable and
an async context manager that closes the cursor at its end."""

from functools import wraps


class Result:
    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._obj = await self._coro
        return self._obj

    async def __aexit__(self, exc_type, exc, tb):
        from aiosqlite.cursor import Cursor
        if isinstance(self._obj, Cursor):
            await self._obj.close()


def contextmanager(method):
    @wraps(method)
    def wrapper(self, *args, **kwargs):
        return Result(method(self, *args, **kwargs))
    return wrapper
