# The file objects' types: names, modules, isinstance, io classes.
import io
import os
import re
import tempfile

s = io.StringIO("x")
b = io.BytesIO()
print(type(s), type(s).__name__, type(s).__module__, isinstance(s, io.StringIO), isinstance(b, io.StringIO), type(b) is io.BytesIO)
print(repr(s).startswith("<_io.StringIO object at 0x"), io.StringIO, io.TextIOWrapper)
tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "t.txt")
with open(p, "w") as f:
    print(type(f), isinstance(f, io.TextIOWrapper), repr(f).replace(tmp, "T"))
with open(p, "rb") as f:
    print(type(f).__name__, isinstance(f, io.BufferedReader), repr(f).replace(tmp, "T"))
try:
    s.name
except AttributeError as e:
    print(e)
try:
    open(p).nope
except AttributeError as e:
    print(e)
os.remove(p)
os.rmdir(tmp)
m = re.match("a", "a")
print(type(m), type(m).__name__, type(m).__module__)
# expect: <class '_io.StringIO'> StringIO _io True False True
# expect: True <class '_io.StringIO'> <class '_io.TextIOWrapper'>
# expect: <class '_io.TextIOWrapper'> True <_io.TextIOWrapper name='T/t.txt' mode='w' encoding='UTF-8'>
# expect: BufferedReader True <_io.BufferedReader name='T/t.txt'>
# expect: '_io.StringIO' object has no attribute 'name'
# expect: '_io.TextIOWrapper' object has no attribute 'nope'
# expect: <class 're.Match'> Match re
