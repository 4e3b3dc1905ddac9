"""An async database: shops record orders with aiosqlite while a reporter
reads the totals.

Every aiosqlite call is sent to the connection's own worker thread
(aiosqlite_0 here); the task that made it waits on a future, and the loop
runs the other tasks meanwhile. The thread runs the calls one at a time,
in the order they were sent, so the shops' inserts interleave but never
overlap. But they share one connection, hence one transaction: at 0.30
south's duplicate order fails and south rolls back, and north's order 3,
inserted in the same transaction just before, is rolled back with it,
although north printed "saved" (its commit found nothing left to commit).
The reports and the final count show the lost order: give each task its
own connection, or guard each transaction with an asyncio.Lock.
"""
import asyncio
import os
import tempfile

import aiosqlite

SCHEMA = """
CREATE TABLE orders (id INTEGER PRIMARY KEY, shop TEXT NOT NULL, amount REAL NOT NULL);
CREATE INDEX orders_shop ON orders (shop);
"""


async def shop(db, name, orders, gap):
    for order_id, amount in orders:
        await asyncio.sleep(gap)
        try:
            await db.execute("INSERT INTO orders VALUES (?, ?, ?)", (order_id, name, amount))
            await db.commit()
            print(f"{name}: order {order_id} saved")
        except aiosqlite.IntegrityError as e:
            await db.rollback()
            print(f"{name}: order {order_id} refused ({e})")


async def reporter(db, rounds):
    for _ in range(rounds):
        await asyncio.sleep(0.25)
        async with db.execute(
                "SELECT shop, count(*), round(sum(amount), 2) FROM orders GROUP BY shop ORDER BY shop") as cur:
            report = [tuple(row) async for row in cur]
        print("report:", report)


async def main():
    path = os.path.join(tempfile.mkdtemp(), "orders.db")
    async with aiosqlite.connect(path) as db:
        await db.executescript(SCHEMA)
        await asyncio.gather(
            shop(db, "north", [(1, 9.5), (2, 12.0), (3, 4.25)], 0.1),
            shop(db, "south", [(10, 3.0), (2, 8.0), (11, 20.0)], 0.15),
            reporter(db, 2),
        )
        db.row_factory = aiosqlite.Row
        async with db.execute("SELECT shop, sum(amount) AS total FROM orders GROUP BY shop") as cur:
            async for row in cur:
                print(f"total {row['shop']}: {row['total']:.2f}")
    async with aiosqlite.connect(path) as again:
        cur = await again.execute("SELECT count(*) FROM orders")
        print("orders on disk:", (await cur.fetchone())[0])
        await cur.close()
    os.remove(path)
    os.rmdir(os.path.dirname(path))


asyncio.run(main())
