"""aiosqlite.connect and Connection. The real library gives each connection
a thread that runs the sqlite3 calls one at a time and hands each result to
the loop with call_soon_threadsafe; here that thread is a one-worker
ThreadPoolExecutor of the simulated world (its thread is `aiosqlite_0`,
`aiosqlite_1`, ... per connection), and a call costs no virtual time."""

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from aiosqlite.context import contextmanager
from aiosqlite.cursor import Cursor

_connections = [0]


def set_result(fut, result):
    if not fut.done():
        fut.set_result(result)


def set_exception(fut, e):
    if not fut.done():
        fut.set_exception(e)


def _job(loop, future, function):
    """What the connection's thread does with one call."""
    try:
        result = function()
    except BaseException as e:
        loop.call_soon_threadsafe(set_exception, future, e)
        return
    loop.call_soon_threadsafe(set_result, future, result)


class Connection:
    def __init__(self, connector, iter_chunk_size, loop=None):
        self._running = True
        self._connection = None
        self._connector = connector
        self._iter_chunk_size = iter_chunk_size
        self._thread = None

    @property
    def _conn(self):
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    def _execute_insert(self, sql, parameters):
        cursor = self._conn.execute(sql, parameters)
        cursor.execute("SELECT last_insert_rowid()")
        return cursor.fetchone()

    def _execute_fetchall(self, sql, parameters):
        cursor = self._conn.execute(sql, parameters)
        return cursor.fetchall()

    def _submit(self, function):
        loop = asyncio.get_event_loop()
        future = loop.create_future()
        self._thread.submit(_job, loop, future, function)
        return future

    async def _execute(self, fn, *args, **kwargs):
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return await self._submit(partial(fn, *args, **kwargs))

    def _stop(self):
        self._running = False
        self._connection = None
        self._thread.shutdown(wait=False)

    async def _connect(self):
        if self._connection is None:
            if self._thread is None:
                self._thread = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="aiosqlite_%d" % _connections[0])
                _connections[0] += 1
            failure = None
            try:
                self._connection = await self._submit(self._connector)
            except Exception as e:
                failure = e
            if failure is not None:
                self._stop()
                raise failure
        return self

    def __await__(self):
        return self._connect().__await__()

    async def __aenter__(self):
        return await self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()

    @contextmanager
    async def cursor(self):
        return Cursor(self, await self._execute(self._conn.cursor))

    async def commit(self):
        await self._execute(self._conn.commit)

    async def rollback(self):
        await self._execute(self._conn.rollback)

    async def close(self):
        if self._connection is None:
            return
        try:
            await self._execute(self._conn.close)
        finally:
            self._stop()

    @contextmanager
    async def execute(self, sql, parameters=None):
        if parameters is None:
            parameters = []
        cursor = await self._execute(self._conn.execute, sql, parameters)
        return Cursor(self, cursor)

    @contextmanager
    async def execute_insert(self, sql, parameters=None):
        if parameters is None:
            parameters = []
        return await self._execute(self._execute_insert, sql, parameters)

    @contextmanager
    async def execute_fetchall(self, sql, parameters=None):
        if parameters is None:
            parameters = []
        return await self._execute(self._execute_fetchall, sql, parameters)

    @contextmanager
    async def executemany(self, sql, parameters):
        cursor = await self._execute(self._conn.executemany, sql, parameters)
        return Cursor(self, cursor)

    @contextmanager
    async def executescript(self, sql_script):
        cursor = await self._execute(self._conn.executescript, sql_script)
        return Cursor(self, cursor)

    async def interrupt(self):
        return self._conn.interrupt()

    @property
    def in_transaction(self):
        return self._conn.in_transaction

    @property
    def isolation_level(self):
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        self._conn.isolation_level = value

    @property
    def row_factory(self):
        return self._conn.row_factory

    @row_factory.setter
    def row_factory(self, factory):
        self._conn.row_factory = factory

    @property
    def text_factory(self):
        return self._conn.text_factory

    @text_factory.setter
    def text_factory(self, factory):
        self._conn.text_factory = factory

    @property
    def total_changes(self):
        return self._conn.total_changes


def connect(database, *, iter_chunk_size=64, loop=None, **kwargs):
    """A Connection; awaiting it (or `async with`) opens the database on its thread."""

    def connector():
        if isinstance(database, str):
            loc = database
        elif isinstance(database, bytes):
            loc = database.decode("utf-8")
        else:
            loc = str(database)
        return sqlite3.connect(loc, **kwargs)

    return Connection(connector, iter_chunk_size, loop)
