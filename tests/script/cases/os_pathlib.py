# os, os.path, pathlib.Path, tempfile and shutil.rmtree on the real file system.
import os
import os.path
import shutil
import tempfile
from pathlib import Path

TMP = ["?"]

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, str(e).replace(TMP[0], "TMP"))

print(os.sep, repr(os.linesep), os.path.join("a", "b", "c.txt"), os.path.join("a/", "/abs", "x"), os.path.join("a", ""))
print(os.path.basename("/x/y/z.tar.gz"), os.path.dirname("/x/y/z.tar.gz"), os.path.split("a/b/"), os.path.split("name"))
print(os.path.splitext("a/b.c/d"), os.path.splitext("x.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("..x"), os.path.splitext("a."))
print(os.path.normpath("a//b/./c/../d/"), os.path.normpath("../x/.."), os.path.normpath("/../a"), os.path.normpath(""), os.path.isabs("/a"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.environ.get("LOOPSCOPE_SURELY_UNSET", "dflt"), os.getenv("LOOPSCOPE_SURELY_UNSET"))
p = Path("a/b") / "c.tar.gz"
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parent.parent.parent, p.parts, type(p).__name__)
print(Path("/etc//x/./y/"), Path(""), Path("a", "/b", "c"), "x" / Path("y"), p.with_suffix(".zip"), p.with_name("n.py"), Path("a/b.txt").with_suffix(""))
print(Path("a") == Path("a/"), Path("a") < Path("b"), sorted([Path("b"), Path("a/c"), Path("a")]), str(Path("q")), p.is_absolute(), Path("/a/b").relative_to("/a"))
show(Path("a").with_suffix, "txt")
show(Path("").with_suffix, ".x")
with tempfile.TemporaryDirectory() as tmp:
    TMP[0] = tmp
    base = Path(tmp)
    print(os.path.isdir(tmp), os.listdir(tmp), base.exists(), base.is_dir(), base.is_file())
    (base / "notes.txt").write_text("hello\nworld\n")
    print((base / "notes.txt").read_text(), (base / "notes.txt").stat if False else "", (base / "data.bin").write_bytes(b"\x00\x01"))
    print((base / "data.bin").read_bytes(), os.path.getsize(base / "notes.txt"), os.path.isfile(str(base / "notes.txt")))
    os.mkdir(os.path.join(tmp, "sub"))
    os.makedirs(os.path.join(tmp, "deep", "er", "est"))
    os.makedirs(os.path.join(tmp, "deep", "er"), exist_ok=True)
    (base / "p" / "q").mkdir(parents=True)
    (base / "p" / "q").mkdir(exist_ok=True)
    (base / "sub" / "one.py").write_text("x = 1\n")
    (base / "sub" / "two.py").write_text("x = 2\n")
    (base / "sub" / "three.txt").touch()
    print(sorted(os.listdir(tmp)), sorted(p.name for p in base.iterdir()))
    print(sorted(x.name for x in (base / "sub").glob("*.py")), sorted(str(x.relative_to(base)) for x in base.glob("**/*.py")))
    print(sorted(str(x.relative_to(base)) for x in base.rglob("*.txt")))
    os.rename(os.path.join(tmp, "notes.txt"), os.path.join(tmp, "renamed.txt"))
    print(os.path.exists(os.path.join(tmp, "notes.txt")), os.path.exists(os.path.join(tmp, "renamed.txt")))
    os.remove(os.path.join(tmp, "renamed.txt"))
    (base / "data.bin").unlink()
    (base / "data.bin").unlink(missing_ok=True)
    os.rmdir(os.path.join(tmp, "p", "q"))
    show(os.remove, os.path.join(tmp, "renamed.txt"))
    show(os.rmdir, os.path.join(tmp, "sub"))
    show(os.mkdir, os.path.join(tmp, "sub"))
    show(os.makedirs, os.path.join(tmp, "sub"))
    show(os.listdir, os.path.join(tmp, "nope"))
    show(os.rename, os.path.join(tmp, "nope"), os.path.join(tmp, "nope2"))
    show((base / "nope.txt").read_text)
    show((base / "nope" / "x").mkdir)
    show((base / "sub").mkdir)
    show((base / "nope.txt").unlink)
    show(Path(tmp, "x").write_text, 5)
    shutil.rmtree(os.path.join(tmp, "deep"))
    print(sorted(os.listdir(tmp)))
    d = tempfile.mkdtemp()
    print(os.path.isdir(d), os.listdir(d))
    shutil.rmtree(d)
    print(os.path.exists(d))
    show(shutil.rmtree, os.path.join(tmp, "nope"))
print(os.path.exists(tmp))
t = tempfile.TemporaryDirectory()
print(os.path.isdir(t.name), repr(t).startswith("<TemporaryDirectory '"))
t.cleanup()
print(os.path.isdir(t.name))
# expect: / '\n' a/b/c.txt /abs/x a/
# expect: z.tar.gz /x/y ('a/b', '') ('', 'name')
# expect: ('a/b.c/d', '') ('x.tar', '.gz') ('.bashrc', '') ('..x', '') ('a', '.')
# expect: a/b/d .. /a . True
# expect: True dflt None
# expect: a/b/c.tar.gz PosixPath('a/b/c.tar.gz') c.tar.gz c.tar .gz ['.tar', '.gz'] a/b . ('a', 'b', 'c.tar.gz') PosixPath
# expect: /etc/x/y . /b/c x/y a/b/c.tar.zip a/b/n.py a/b
# expect: True True [PosixPath('a'), PosixPath('a/c'), PosixPath('b')] q False b
# expect: ValueError Invalid suffix 'txt'
# expect: ValueError PosixPath('.') has an empty name
# expect: True [] True True False
# expect: hello
# expect: world
# expect:   2
# expect: b'\x00\x01' 12 True
# expect: ['data.bin', 'deep', 'notes.txt', 'p', 'sub'] ['data.bin', 'deep', 'notes.txt', 'p', 'sub']
# expect: ['one.py', 'two.py'] ['sub/one.py', 'sub/two.py']
# expect: ['notes.txt', 'sub/three.txt']
# expect: False True
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/renamed.txt'
# expect: OSError [Errno 39] Directory not empty: 'TMP/sub'
# expect: FileExistsError [Errno 17] File exists: 'TMP/sub'
# expect: FileExistsError [Errno 17] File exists: 'TMP/sub'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope' -> 'TMP/nope2'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope.txt'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope/x'
# expect: FileExistsError [Errno 17] File exists: 'TMP/sub'
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope.txt'
# expect: TypeError data must be str, not int
# expect: ['p', 'sub']
# expect: True []
# expect: False
# expect: FileNotFoundError [Errno 2] No such file or directory: 'TMP/nope'
# expect: False
# expect: True True
# expect: False
