# sqlite3 on a file: the connection as a context manager (commits, or rolls
# back on an exception), commit/rollback by hand, a second connection that
# sees only committed rows, sqlite3.Row as row_factory, isolation_level None
# (autocommit), and a text_factory.
import os
import sqlite3
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "shop.db")

with sqlite3.connect(path) as conn:
    conn.execute("CREATE TABLE items (sku TEXT PRIMARY KEY, qty INTEGER, price REAL)")
    conn.executemany("INSERT INTO items VALUES (?, ?, ?)",
                     [("apple", 3, 0.5), ("pear", 0, 0.75), ("plum", 12, 0.2)])
    print("in transaction:", conn.in_transaction)
print("after with:", conn.in_transaction, os.path.exists(path))

other = sqlite3.connect(path)
print("other sees", other.execute("SELECT count(*) FROM items").fetchone()[0])

try:
    with conn:
        conn.execute("UPDATE items SET qty = qty - 1")
        conn.execute("INSERT INTO items VALUES ('apple', 1, 1.0)")
except sqlite3.IntegrityError as e:
    print("rolled back:", e)
print(conn.execute("SELECT qty FROM items ORDER BY sku").fetchall())

conn.execute("DELETE FROM items WHERE qty = 0")
print("pending", conn.in_transaction, other.execute("SELECT count(*) FROM items").fetchone())
conn.rollback()
print("after rollback", conn.execute("SELECT count(*) FROM items").fetchone())
conn.execute("UPDATE items SET price = price * 2 WHERE sku = ?", ("plum",))
conn.commit()
print("other after commit", other.execute("SELECT price FROM items WHERE sku = 'plum'").fetchone())

conn.row_factory = sqlite3.Row
row = conn.execute("SELECT sku AS Name, qty, price FROM items ORDER BY qty DESC").fetchone()
print(type(row).__name__, row["name"], row["NAME"], row[1], row[-1], len(row), row.keys())
print(tuple(row), list(row), dict(zip(row.keys(), row)), row[0:2])
print(dict(row), {**dict(row), 'extra': 1})
again = conn.execute("SELECT sku AS Name, qty, price FROM items ORDER BY qty DESC").fetchone()
print(row == again, hash(row) == hash(again), row != again)
for bad in ("nope", 7, 1.5):
    try:
        row[bad]
    except IndexError as e:
        print("IndexError:", e)
cur = conn.cursor()
conn.row_factory = None
print(type(cur.execute("SELECT 1 AS one").fetchone()).__name__,
      type(conn.execute("SELECT 1").fetchone()).__name__)
conn.row_factory = lambda cursor, values: {d[0]: v for d, v in zip(cursor.description, values)}
print(conn.execute("SELECT sku, qty FROM items WHERE sku = 'apple'").fetchone())
conn.row_factory = None

auto = sqlite3.connect(path, isolation_level=None)
print(auto.isolation_level, conn.isolation_level == "")
auto.execute("INSERT INTO items VALUES ('fig', 4, 1.5)")
print("autocommit", auto.in_transaction, other.execute("SELECT count(*) FROM items").fetchone())
auto.execute("BEGIN")
auto.execute("DELETE FROM items WHERE sku = 'fig'")
print(auto.in_transaction)
auto.execute("ROLLBACK")
conn.text_factory = bytes
print(conn.execute("SELECT sku FROM items ORDER BY sku").fetchall())
conn.text_factory = lambda b: b.decode().upper()
print(conn.execute("SELECT sku, qty FROM items ORDER BY sku").fetchall())
for c in (conn, other, auto):
    c.close()
os.remove(path)
os.rmdir(folder)
print(os.path.exists(folder))
