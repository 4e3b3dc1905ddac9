# open() on the real file system: text mode, newlines, positions, errors.
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
    path = os.path.join(tmp, "notes.txt")
    with open(path, "w") as f:
        print(f.write("first line\n"), f.write("second é\n"), f.mode, f.closed, f.encoding, type(f).__name__)
        f.writelines(["a\n", "b\n"])
        print("printed", 42, file=f)
    print(f.closed, os.path.getsize(path))
    with open(path) as f:
        print(repr(f.readline()), repr(f.read(4)), f.tell(), repr(f.readline()), f.readlines())
        print(repr(f.read()), repr(f.readline()))
        f.seek(0)
        print(repr(f.read(3)), [line.rstrip("\n") for line in f])
    with open(path, "a") as f:
        f.write("appended\n")
    with open(path, encoding="utf-8") as f:
        lines = list(f)
    print(len(lines), lines[-1], lines[1])
    with open(path, "r+") as f:
        f.write("FIRST")
        f.seek(0)
        print(f.readline().strip(), f.readable(), f.writable())
    crlf = os.path.join(tmp, "crlf.txt")
    with open(crlf, "w", newline="") as f:
        f.write("a\r\nb\rc\n")
    with open(crlf) as f:
        print(repr(f.read()))
    with open(crlf, newline="") as f:
        print(f.readlines())
    with open(crlf, "rb") as f:
        print(f.read())
    with open(os.path.join(tmp, "w.txt"), "w", newline="\r\n") as f:
        f.write("x\ny\n")
    with open(os.path.join(tmp, "w.txt"), "rb") as f:
        print(f.read())
    with open(os.path.join(tmp, "latin.txt"), "w", encoding="latin-1") as f:
        f.write("café")
    print(os.path.getsize(os.path.join(tmp, "latin.txt")))
    with open(os.path.join(tmp, "latin.txt"), encoding="latin-1") as f:
        print(f.read())
    show(lambda: open(os.path.join(tmp, "latin.txt")).read())
    with open(os.path.join(tmp, "x.txt"), "x") as f:
        f.write("new")
    show(open, os.path.join(tmp, "x.txt"), "x")
    f = open(os.path.join(tmp, "x.txt"))
    f.close()
    f.close()
    show(f.read)
    show(f.write, "x")
    with open(os.path.join(tmp, "x.txt")) as f:
        show(f.write, "x")
        show(f.seek, 1, 1)
    with open(os.path.join(tmp, "x.txt"), "w") as f:
        show(f.read)
        show(f.write, b"x")
    show(open, tmp)
    show(open, "no_such_dir_here/x.txt")
    show(open, os.path.join(tmp, "x.txt"), "rw")
    show(open, os.path.join(tmp, "x.txt"), "z")
    show(open, os.path.join(tmp, "x.txt"), "rb", encoding="utf-8")
    show(open, os.path.join(tmp, "x.txt"), encoding="nope")
    try:
        open("missing.txt")
    except FileNotFoundError as e:
        print(e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
    try:
        open("missing.txt")
    except OSError as e:
        print("OSError caught:", e)
# expect: 11 9 w False UTF-8 TextIOWrapper
# expect: True 36
# expect: 'first line\n' 'seco' 15 'nd é\n' ['a\n', 'b\n', 'printed 42\n']
# expect: '' ''
# expect: 'fir' ['st line', 'second é', 'a', 'b', 'printed 42']
# expect: 6 appended
# expect:  second é
# expect: 
# expect: FIRST line True True
# expect: 'a\nb\nc\n'
# expect: ['a\r\n', 'b\r', 'c\n']
# expect: b'a\r\nb\rc\n'
# expect: b'x\r\ny\r\n'
# expect: 4
# expect: café
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data
# expect: FileExistsError [Errno 17] File exists: 'TMP/x.txt'
# expect: ValueError I/O operation on closed file.
# expect: ValueError I/O operation on closed file.
# expect: UnsupportedOperation not writable
# expect: UnsupportedOperation can't do nonzero cur-relative seeks
# expect: UnsupportedOperation not readable
# expect: TypeError write() argument must be str, not bytes
# expect: IsADirectoryError [Errno 21] Is a directory: 'TMP'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'no_such_dir_here/x.txt'
# expect: ValueError must have exactly one of create/read/write/append mode
# expect: ValueError invalid mode: 'z'
# expect: ValueError binary mode doesn't take an encoding argument
# expect: LookupError unknown encoding: nope
# expect: 2 No such file or directory missing.txt (2, 'No such file or directory') True
# expect: OSError caught: [Errno 2] No such file or directory: 'missing.txt'
