# sqlite3 over the real SQLite library: rows come back as tuples of int,
# float, str, bytes and None; the implicit transaction of an INSERT;
# sqlite3.Row by name, and dict(row) through its keys(); SQLite's own error messages; an uncaught error's
# traceback names the program's line, as CPython's does.
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT UNIQUE, w REAL, b BLOB)")
cur = db.execute("INSERT INTO t (v, w, b) VALUES (?, ?, ?)", ("x", 0.5, b"\x01"))
print(cur.rowcount, cur.lastrowid, db.in_transaction)
db.commit()
print(db.in_transaction, db.execute("SELECT * FROM t").fetchall())
db.row_factory = sqlite3.Row
row = db.execute("SELECT v AS Value, w FROM t").fetchone()
print(row["value"], row[1], row.keys())
print(dict(row))
try:
    db.execute("INSERT INTO t (v) VALUES ('x')")
except sqlite3.IntegrityError as e:
    print(type(e).__name__, e, e.sqlite_errorname)
try:
    db.execute("SELECT ?", (2**70,))
except OverflowError as e:
    print(e)
db.execute("SELECT * FROM nowhere")

# expect: 1 1 True
# expect: False [(1, 'x', 0.5, b'\x01')]
# expect: x 0.5 ['Value', 'w']
# expect: {'Value': 'x', 'w': 0.5}
# expect: IntegrityError UNIQUE constraint failed: t.v SQLITE_CONSTRAINT_UNIQUE
# expect: Python int too large to convert to SQLite INTEGER
# expect error: sqlite3.OperationalError: no such table: nowhere
# expect traceback: line 25, in <module>
# expect traceback: db.execute("SELECT * FROM nowhere")
