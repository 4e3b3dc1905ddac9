"""aiosqlite.Cursor: a sqlite3 cursor whose calls run on the connection's thread."""


class Cursor:
    def __init__(self, conn, cursor):
        self._conn = conn
        self._cursor = cursor
        self.iter_chunk_size = conn._iter_chunk_size

    def __aiter__(self):
        return self._fetch_chunked()

    async def _fetch_chunked(self):
        while True:
            rows = await self.fetchmany(self.iter_chunk_size)
            if not rows:
                return
            for row in rows:
                yield row

    async def _execute(self, fn, *args, **kwargs):
        return await self._conn._execute(fn, *args, **kwargs)

    async def execute(self, sql, parameters=None):
        if parameters is None:
            parameters = []
        await self._execute(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql, parameters):
        await self._execute(self._cursor.executemany, sql, parameters)
        return self

    async def executescript(self, sql_script):
        await self._execute(self._cursor.executescript, sql_script)
        return self

    async def fetchone(self):
        return await self._execute(self._cursor.fetchone)

    async def fetchmany(self, size=None):
        args = ()
        if size is not None:
            args = (size,)
        return await self._execute(self._cursor.fetchmany, *args)

    async def fetchall(self):
        return await self._execute(self._cursor.fetchall)

    async def close(self):
        await self._execute(self._cursor.close)

    @property
    def rowcount(self):
        return self._cursor.rowcount

    @property
    def lastrowid(self):
        return self._cursor.lastrowid

    @property
    def arraysize(self):
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value):
        self._cursor.arraysize = value

    @property
    def description(self):
        return self._cursor.description

    @property
    def row_factory(self):
        return self._cursor.row_factory

    @row_factory.setter
    def row_factory(self, factory):
        self._cursor.row_factory = factory

    @property
    def connection(self):
        return self._cursor.connection

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self.close()
