# sqlite3's exceptions with SQLite's own messages, as CPython 3.11 raises
# them: the class hierarchy, sqlite_errorcode/sqlite_errorname, parameter
# errors, a closed cursor and a closed connection, and an uncaught error.
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, n INTEGER NOT NULL CHECK (n >= 0))")
conn.execute("INSERT INTO t (email, n) VALUES ('a@x', 1)")

attempts = [
    ("SELECT * FROM missing", ()),
    ("SELEC 1", ()),
    ("INSERT INTO t (email, n) VALUES ('a@x', 2)", ()),
    ("INSERT INTO t (email, n) VALUES ('b@x', NULL)", ()),
    ("INSERT INTO t (email, n) VALUES ('c@x', -1)", ()),
    ("INSERT INTO t (id, email, n) VALUES (1, 'd@x', 1)", ()),
    ("INSERT INTO t (email, n) VALUES (?, ?)", ("e@x",)),
    ("INSERT INTO t (email, n) VALUES (?, ?)", ("e@x", 1, 2)),
    ("INSERT INTO t (email, n) VALUES (:e, :n)", {"e": "f@x"}),
    ("INSERT INTO t (email, n) VALUES (?, ?)", {"e": "f@x"}),
    ("INSERT INTO t (email, n) VALUES (?, ?)", ("g@x", [1])),
    ("INSERT INTO t (email, n) VALUES (?, ?)", ("g@x", 2**63)),
    ("INSERT INTO t (email, n) VALUES (?, ?)", 5),
    ("SELECT ?", "ab"),
    ("SELECT 1; SELECT 2", ()),
    ("SELECT nosuchfunc(1)", ()),
    ("INSERT INTO t VALUES (1, 2, 3, 4)", ()),
]
for sql, params in attempts:
    try:
        conn.execute(sql, params)
        print("ok", sql)
    except sqlite3.Error as e:
        print(type(e).__name__, "|", e, "|", getattr(e, "sqlite_errorcode", None),
              getattr(e, "sqlite_errorname", None))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, "|", e)

print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError),
      issubclass(sqlite3.ProgrammingError, sqlite3.Error),
      issubclass(sqlite3.InterfaceError, sqlite3.DatabaseError),
      sqlite3.OperationalError.__mro__[1:3])
try:
    conn.executemany("SELECT ?", [(1,)])
except sqlite3.ProgrammingError as e:
    print(e)
try:
    conn.execute(42)
except TypeError as e:
    print(e)
try:
    sqlite3.connect("/no/such/folder/db.sqlite")
except sqlite3.OperationalError as e:
    print(e, e.sqlite_errorname)
try:
    conn.isolation_level = "SOMETIMES"
except ValueError as e:
    print(e)

cur = conn.cursor()
cur.close()
try:
    cur.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print(e)
conn.close()
conn.close()
try:
    conn.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print(e)

db = sqlite3.connect(":memory:")
db.execute("SELECT * FROM nowhere")
