"""Find files by pattern (glob, fnmatch) in a scratch folder and summarise them asynchronously."""
import asyncio
import fnmatch
import glob
import os
import tempfile


def build_tree(root: str) -> None:
    layout = {
        "src/app.py": "print('app')\n" * 3,
        "src/util.py": "x = 1\n",
        "src/data.json": "{}\n",
        "docs/readme.md": "# Readme\n\nhello\n",
        "docs/notes.txt": "a\nb\n",
        "tests/test_app.py": "def test():\n    pass\n",
        ".hidden.py": "secret\n",
    }
    for rel, text in layout.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


async def count_lines(path: str) -> tuple[str, int]:
    await asyncio.sleep(0.01)
    with open(path) as f:
        return os.path.basename(path), sum(1 for _ in f)


async def main():
    with tempfile.TemporaryDirectory() as root:
        build_tree(root)
        rel = lambda paths: sorted(os.path.relpath(p, root) for p in paths)
        print("py files:", rel(glob.glob(os.path.join(root, "**", "*.py"), recursive=True)))
        print("top level:", rel(glob.glob(os.path.join(root, "*"))))
        print("src:", rel(glob.iglob(os.path.join(root, "src", "*.[pj]*"))))
        print("none:", glob.glob(os.path.join(root, "*.zip")), glob.has_magic("a*b"), glob.escape("x[1]*.py"))
        paths = sorted(glob.glob(os.path.join(root, "*", "*")))
        results = await asyncio.gather(*(count_lines(p) for p in paths))
        for name, lines in results:
            kind = "python" if fnmatch.fnmatch(name, "*.py") else "text" if fnmatch.fnmatch(name, "*.[tm][xd]*") else "other"
            print(f"{name:<12} {lines:>3} {kind}")
        names = [n for n, _ in results]
        print(fnmatch.filter(names, "test_*"), fnmatch.fnmatchcase("README.MD", "*.md"), fnmatch.fnmatch("a.py", "?.py"))


asyncio.run(main())
