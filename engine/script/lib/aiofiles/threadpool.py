"""aiofiles.open and the asynchronous file objects (simulated by loopscope)."""

import asyncio
from functools import partial

_open = open


class _AsyncFile:
    """A file whose blocking methods run in the loop's default executor."""

    def __init__(self, file, loop, executor):
        self._file = file
        self._loop = loop
        self._executor = executor

    async def _run(self, method, *args):
        return await self._loop.run_in_executor(self._executor, partial(method, *args))

    async def read(self, *args):
        return await self._run(self._file.read, *args)

    async def readline(self, *args):
        return await self._run(self._file.readline, *args)

    async def readlines(self, *args):
        return await self._run(self._file.readlines, *args)

    async def write(self, data):
        return await self._run(self._file.write, data)

    async def writelines(self, lines):
        return await self._run(self._file.writelines, lines)

    async def seek(self, *args):
        return await self._run(self._file.seek, *args)

    async def tell(self):
        return await self._run(self._file.tell)

    async def truncate(self, *args):
        return await self._run(self._file.truncate, *args)

    async def flush(self):
        return await self._run(self._file.flush)

    async def close(self):
        return await self._run(self._file.close)

    @property
    def name(self):
        return self._file.name

    @property
    def mode(self):
        return self._file.mode

    @property
    def closed(self):
        return self._file.closed

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line:
            return line
        raise StopAsyncIteration

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class AsyncTextIOWrapper(_AsyncFile):
    """The text-mode file of aiofiles.open."""


class AsyncBufferedIOBase(_AsyncFile):
    """The binary-mode file of aiofiles.open."""


class _OpenContextManager:
    """What aiofiles.open returns: `async with` it (or await it)."""

    def __init__(self, coro):
        self._coro = coro
        self._file = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._file = await self._coro
        return self._file

    async def __aexit__(self, exc_type, exc, tb):
        await self._file.close()


async def _open_async(file, mode, buffering, encoding, errors, newline, closefd, opener, loop, executor):
    if loop is None:
        loop = asyncio.get_running_loop()
    cb = partial(_open, file, mode=mode, buffering=buffering, encoding=encoding, errors=errors,
                 newline=newline, closefd=closefd, opener=opener)
    f = await loop.run_in_executor(executor, cb)
    if "b" in mode:
        return AsyncBufferedIOBase(f, loop, executor)
    return AsyncTextIOWrapper(f, loop, executor)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None, *, loop=None, executor=None):
    return _OpenContextManager(_open_async(file, mode, buffering, encoding, errors, newline, closefd,
                                           opener, loop, executor))
