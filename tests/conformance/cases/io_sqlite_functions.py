# sqlite3's create_function: SQL calling Python functions (any number of
# arguments with -1), SQLite's values passed in as int/float/str/bytes, and
# CPython 3.11's errors when a function raises or returns what SQLite cannot
# take.
import sqlite3
c = sqlite3.connect(":memory:")
c.create_function("double", 1, lambda x: x * 2)
c.create_function("boom", 0, lambda: 1 / 0)
c.create_function("big", 0, lambda: 2 ** 70)
c.create_function("lst", 0, lambda: [1])
c.create_function("anyn", -1, lambda *a: len(a), deterministic=True)
print(c.execute("select double(21), double(1.5), double('ab'), double(x'01')").fetchone())
for f in ["boom", "big", "lst", "double(null)"]:
    try:
        c.execute(f"select {f if '(' in f else f + '()'}").fetchone()
    except Exception as e:
        print(type(e).__name__, e)
try:
    c.execute("select double(1, 2)")
except Exception as e:
    print(type(e).__name__, e)
try:
    c.create_function("x", 1, 5)
except Exception as e:
    print(type(e).__name__, e)
print(c.execute("select anyn(1, 2, 3), anyn()").fetchone())
c.execute("create table t (name text)")
c.executemany("insert into t values (?)", [("ada",), ("bob",)])
c.create_function("shout", 1, str.upper)
print(c.execute("select shout(name) from t order by name").fetchall())
c.create_function("shout", 1, None)
try:
    c.execute("select shout('x')")
except sqlite3.OperationalError as e:
    print(e)
