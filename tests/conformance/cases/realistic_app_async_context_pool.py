"""A connection pool handed out through an async context manager."""
import asyncio
import contextlib


class Connection:
    _next = 1

    def __init__(self):
        self.cid = Connection._next
        Connection._next += 1
        self.queries = 0

    async def query(self, sql: str):
        self.queries += 1
        await asyncio.sleep(0.05 * (len(sql) % 4 + 1))
        return f"conn{self.cid}: {sql.split()[0]} ok"


class Pool:
    def __init__(self, size: int):
        self._free = asyncio.Queue()
        self.all = [Connection() for _ in range(size)]
        for c in self.all:
            self._free.put_nowait(c)

    @contextlib.asynccontextmanager
    async def connection(self):
        conn = await self._free.get()
        try:
            yield conn
        finally:
            self._free.put_nowait(conn)


async def handler(pool: Pool, sql: str):
    async with pool.connection() as conn:
        return await conn.query(sql)


async def main():
    pool = Pool(2)
    stmts = ["SELECT 1", "UPDATE t", "SELECT name", "DELETE x", "INSERT y"]
    for line in await asyncio.gather(*(handler(pool, s) for s in stmts)):
        print(line)
    print({c.cid: c.queries for c in pool.all})
    with contextlib.suppress(KeyError):
        {}["missing"]
    print("suppressed")


asyncio.run(main())
