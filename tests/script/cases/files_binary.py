# Binary files, io.StringIO / io.BytesIO, json.dump / json.load with files.
import io
import json
import os
import tempfile

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, str(e).replace(TMP[0], "TMP"))

TMP = ["?"]
with tempfile.TemporaryDirectory() as tmp:
    TMP[0] = tmp
    p = os.path.join(tmp, "data.bin")
    with open(p, "wb") as f:
        print(f.write(b"\x00\x01hello\nworld\n"), f.write(bytearray(b"!")), f.mode, type(f).__name__)
    with open(p, "rb") as f:
        print(f.read(2), f.readline(), f.tell(), f.read(), f.read(), f.mode, type(f).__name__)
        f.seek(-3, 2)
        print(f.read(), f.seek(2), f.read(5), list(f))
    with open(p, "ab") as f:
        f.write(b"tail")
    with open(p, "r+b") as f:
        print(f.read(), f.mode, type(f).__name__)
    show(lambda: open(p, "rb").write(b"x"))
    show(lambda: open(p, "wb").read())
    cfg = os.path.join(tmp, "cfg.json")
    with open(cfg, "w") as f:
        json.dump({"name": "loop", "ids": [1, 2]}, f, indent=2)
    with open(cfg) as f:
        print(f.read())
    with open(cfg) as f:
        print(json.load(f))
    print(json.loads(b'{"a": 1}'))

s = io.StringIO()
print(s.write("héllo\n"), s.write("world\n"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(2)), s.tell(), repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print(list(s), s.readlines(), s.seek(0), s.readlines())
s.seek(2)
s.write("XY")
print(repr(s.getvalue()))
print("to stringio", 1, 2, file=s, sep="-")
print(repr(s.getvalue()))
s.close()
show(s.getvalue)
show(s.write, "x")
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.tell(), b.read(), b.getvalue())
b.seek(0, 2)
b.write(b"++")
print(b.getvalue(), b.seek(1), b.read(1))
show(b.write, "str")
show(io.StringIO().write, b"x")
with io.StringIO() as s2:
    json.dump([1, "two", None], s2)
    s2.seek(0)
    print(json.load(s2), s2.closed)
print(s2.closed)
show(io.StringIO("x").seek, 1, 1)
try:
    open(__file__ if False else "nope.txt", "r").read()
except OSError as e:
    print(type(e).__name__)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
# expect: 14 1 wb BufferedWriter
# expect: b'\x00\x01' b'hello\n' 8 b'world\n!' b'' rb BufferedReader
# expect: b'd\n!' 2 b'hello' [b'\n', b'world\n', b'!']
# expect: b'\x00\x01hello\nworld\n!tail' rb+ BufferedRandom
# expect: UnsupportedOperation write
# expect: UnsupportedOperation read
# expect: {
# expect:   "name": "loop",
# expect:   "ids": [
# expect:     1,
# expect:     2
# expect:   ]
# expect: }
# expect: {'name': 'loop', 'ids': [1, 2]}
# expect: {'a': 1}
# expect: 6 6 12 'héllo\nworld\n'
# expect: 'héllo\n' 'wo' 8 'rld\n' ''
# expect: ['a\n', 'b\n', 'c'] [] 0 ['a\n', 'b\n', 'c']
# expect: 'a\nXYc'
# expect: 'a\nXYto stringio-1-2\n'
# expect: ValueError I/O operation on closed file
# expect: ValueError I/O operation on closed file
# expect: b'ab' b'c\n' 4 b'def' b'abc\ndef'
# expect: b'abc\ndef++' 1 b'b'
# expect: TypeError a bytes-like object is required, not 'str'
# expect: TypeError string argument expected, got 'bytes'
# expect: [1, 'two', None] False
# expect: True
# expect: OSError Can't do nonzero cur-relative seeks
# expect: FileNotFoundError
# expect: True True
