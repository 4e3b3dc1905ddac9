# sqlite3 over the real SQLite library: a database in memory, a table,
# inserts with qmark and named parameters, executemany, the cursor's
# fetchone/fetchmany/fetchall and iteration, lastrowid, rowcount and
# description. The calls are blocking and cost no virtual time.
import sqlite3

conn = sqlite3.connect(":memory:")
cur = conn.cursor()
print(cur.rowcount, cur.lastrowid, cur.description, cur.arraysize)
cur.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, score REAL, avatar BLOB)")
print("create", cur.rowcount, cur.lastrowid, cur.description)
cur.execute("INSERT INTO users (name, age, score) VALUES (?, ?, ?)", ("ada", 36, 9.5))
print("insert", cur.rowcount, cur.lastrowid, conn.in_transaction)
cur.execute("INSERT INTO users (name, age, avatar) VALUES (:name, :age, :pic)",
            {"name": "grace", "age": 45, "pic": b"\x00\x01\xff"})
print("named", cur.rowcount, cur.lastrowid)
cur.executemany("INSERT INTO users (name, age) VALUES (?, ?)",
                [("linus", 28), ("guido", None), ("barbara", 51)])
print("many", cur.rowcount, cur.lastrowid, conn.total_changes)
conn.commit()
print("committed", conn.in_transaction)

cur.execute("SELECT id, name, age AS years, score, avatar FROM users ORDER BY id")
print([d[0] for d in cur.description], cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())

for row in conn.execute("SELECT name, age FROM users WHERE age > ? ORDER BY age DESC", (30,)):
    print("older", row)

cur.execute("UPDATE users SET score = coalesce(score, 0) + 1 WHERE age < 50")
print("update", cur.rowcount, cur.lastrowid, cur.description)
cur.execute("DELETE FROM users WHERE age IS NULL")
print("delete", cur.rowcount)
print(conn.execute("SELECT count(*), sum(score), avg(age) FROM users").fetchone())
print(conn.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL)").fetchone())
print(conn.execute("SELECT ?, ?, ?, ?, ?, ?", (True, 2**62, -1.25, "é✓", bytearray(b"ab"), None)).fetchone())
print(conn.execute("SELECT 1 WHERE 0").fetchall(), conn.execute("SELECT 1").fetchmany(0))
script = """
CREATE TABLE tags (name TEXT UNIQUE);
INSERT INTO tags VALUES ('a');
INSERT INTO tags VALUES ('b');
"""
print(type(conn.executescript(script)).__name__, conn.in_transaction)
print(conn.execute("SELECT group_concat(name, '+') FROM tags").fetchone()[0])
print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.sqlite_version_info >= (3, 0, 0))
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"))
conn.close()
