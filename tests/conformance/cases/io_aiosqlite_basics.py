# aiosqlite: each call runs on the connection's own worker thread (a
# simulated thread, aiosqlite_0) and its result comes back to the loop
# through call_soon_threadsafe, while another task keeps running.
import asyncio
import aiosqlite


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker(5))
    async with aiosqlite.connect(":memory:") as db:
        print(type(db).__name__, db.in_transaction)
        await db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        cursor = await db.execute("INSERT INTO notes (body) VALUES (?)", ("first",))
        print("lastrowid", cursor.lastrowid, cursor.rowcount)
        await db.executemany("INSERT INTO notes (body) VALUES (?)", [("second",), ("third",)])
        await db.commit()
        async with db.execute("SELECT id, body FROM notes ORDER BY id") as cursor:
            print(await cursor.fetchone())
            print(await cursor.fetchall())
        db.row_factory = aiosqlite.Row
        async with db.execute("SELECT body FROM notes WHERE id > ?", (1,)) as cursor:
            async for row in cursor:
                print("row", row["body"])
        rows = await db.execute_fetchall("SELECT count(*) AS n FROM notes")
        print(rows[0]["n"], await db.execute_insert("INSERT INTO notes (body) VALUES ('x')"))
        try:
            await db.execute("SELECT * FROM nowhere")
        except aiosqlite.OperationalError as e:
            print("error:", e)
    await t
    try:
        await db.execute("SELECT 1")
    except ValueError as e:
        print("closed:", e)


asyncio.run(main())
