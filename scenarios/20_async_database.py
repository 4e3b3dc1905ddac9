"""An async database: two shops share one aiosqlite connection.

aiosqlite hands every call to the connection's own worker thread
(aiosqlite_0 in the timeline) and the task that made it waits on a future
meanwhile, so the loop keeps serving the other shop and the reporter. The
thread runs the calls one at a time, in the order they were made: the
shops' inserts interleave but never overlap.

But one connection is one transaction. At 0.30 s south's duplicate order
fails and south rolls back; north's order 3, inserted in that same
transaction a moment before, is rolled back with it, although north has
already printed "saved" (its commit found nothing left to commit). The
last report and the final count show the lost order. Give each task its
own connection, or guard each transaction with an asyncio.Lock.
"""
# topic: Real I/O without blocking
# watch: the timeline: the aiosqlite_0 lane, where every database call
#   runs, and the futures the shops wait on meanwhile.
# checkpoint: when "north: order 1 saved" prints: {task}'s insert and
#   commit each ran on the connection's thread; the loop stayed free.
# ask: what prints next
# checkpoint: when "south: order 2 refused" prints: south rolls back the
#   shared transaction at {time}, and north's order 3 goes with it.
# ask: what prints next
# checkpoint: when "orders kept" prints: the count shows the lost order.
import asyncio

import aiosqlite


async def shop(db, name, orders, gap):
    for order_id, amount in orders:
        await asyncio.sleep(gap)
        try:
            await db.execute("INSERT INTO orders VALUES (?, ?, ?)", (order_id, name, amount))
            await db.commit()
            print(f"{name}: order {order_id} saved")
        except aiosqlite.IntegrityError:
            await db.rollback()
            print(f"{name}: order {order_id} refused (duplicate id)")


async def reporter(db, rounds):
    for _ in range(rounds):
        await asyncio.sleep(0.25)
        async with db.execute("SELECT shop, count(*) FROM orders GROUP BY shop ORDER BY shop") as cur:
            print("report:", [tuple(row) async for row in cur])


async def main():
    async with aiosqlite.connect(":memory:") as db:
        await db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, shop TEXT, amount REAL)")
        await asyncio.gather(
            shop(db, "north", [(1, 9.5), (2, 12.0), (3, 4.25)], 0.1),
            shop(db, "south", [(10, 3.0), (2, 8.0), (11, 20.0)], 0.15),
            reporter(db, 2),
        )
        cur = await db.execute("SELECT count(*) FROM orders")
        (count,) = await cur.fetchone()
        print("orders kept:", count, "of the 5 reported saved")


asyncio.run(main())
