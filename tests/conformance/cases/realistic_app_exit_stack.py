"""Opening a variable number of resources with AsyncExitStack and ExitStack."""
import asyncio
import contextlib


class Resource:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        if self.fail:
            raise RuntimeError(f"cannot open {self.name}")
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        print(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return False


@contextlib.contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield title.upper()
    finally:
        print(f"</{title}>")


async def open_all(names, fail_at=None):
    async with contextlib.AsyncExitStack() as stack:
        res = [await stack.enter_async_context(Resource(n, n == fail_at)) for n in names]
        print("using", [r.name for r in res])


async def main():
    await open_all(["db", "cache", "queue"])
    try:
        await open_all(["db", "cache", "queue"], fail_at="queue")
    except RuntimeError as e:
        print("error:", e)
    with contextlib.ExitStack() as stack:
        titles = [stack.enter_context(section(t)) for t in ("a", "b")]
        print(titles)


asyncio.run(main())
