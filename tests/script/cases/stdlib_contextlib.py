# contextlib: contextmanager (exceptions thrown in, swallowed, re-raised;
# "generator didn't yield/stop"), asynccontextmanager, suppress, closing,
# aclosing, nullcontext, ExitStack/AsyncExitStack (LIFO, callbacks,
# pop_all, exceptions replacing each other with their context chained),
# a contextmanager used as a decorator.
import asyncio
import contextlib


@contextlib.contextmanager
def tag(name, swallow=False):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("caught in", name, e)
        if not swallow:
            raise
    finally:
        print(f"</{name}>")


with tag("a") as t:
    print("body", t)
with tag("b", swallow=True):
    raise ValueError("inside b")
try:
    with tag("c"):
        raise ValueError("inside c")
except ValueError as e:
    print("propagated", e)
try:
    with tag("d"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


@contextlib.contextmanager
def no_yield():
    if False:
        yield


@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield(), two_yields()):
    try:
        with cm:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)


@tag("decorated")
def work(x):
    print("working", x)
    return x * 2


print(work(21), tag.__name__)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)


class Res:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("close", self.name)

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


class Buf:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


buf = Buf()
with contextlib.redirect_stdout(buf):
    print("hidden", 1, sep="-")
print("captured", buf.parts)
print("to file", end="!\n", file=buf)
print(buf.parts[-3:])
with contextlib.closing(Res("r")) as r:
    print("using", r.name)
with contextlib.nullcontext(5) as v:
    print("null", v)
with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(Res(n))
    stack.callback(print, "callback", 1)
    print("stacked")
with contextlib.ExitStack() as stack:
    stack.enter_context(Res("kept"))
    moved = stack.pop_all()
print("after pop_all")
moved.close()


def fail(msg):
    raise RuntimeError(msg)


try:
    with contextlib.ExitStack() as stack:
        stack.callback(fail, "first")
        stack.callback(fail, "second")
        raise KeyError("body")
except RuntimeError as e:
    print("raised", e, "context", repr(e.__context__), "its context", repr(e.__context__.__context__))
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(3)
except TypeError as e:
    print("TypeError", e)


class ARes:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("aenter", self.name)
        return self.name

    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0.1)
        print("aexit", self.name, et.__name__ if et else None)
        return False

    async def aclose(self):
        print("aclose", self.name)


@contextlib.asynccontextmanager
async def session(name):
    await asyncio.sleep(0.1)
    print("open", name)
    try:
        yield name + "!"
    except ZeroDivisionError:
        print("session saw ZeroDivisionError")
    finally:
        await asyncio.sleep(0.1)
        print("shut", name)


async def cleanup(what):
    await asyncio.sleep(0.05)
    print("async callback", what)


async def main():
    async with session("s1") as s:
        print("in", s)
    async with session("s2"):
        1 / 0
    async with contextlib.AsyncExitStack() as stack:
        names = [await stack.enter_async_context(ARes(n)) for n in ("p", "q")]
        stack.push_async_callback(cleanup, "done")
        stack.enter_context(Res("sync"))
        print("names", names)
    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(ARes("t"))
            raise ValueError("boom")
    except ValueError as e:
        print("ValueError", e)
    async with contextlib.aclosing(ARes("g")) as g:
        print("aclosing", g.name)
    async with contextlib.nullcontext("n") as n:
        print("async null", n)


asyncio.run(main())

# expect: <a>
# expect: body A
# expect: </a>
# expect: <b>
# expect: caught in b inside b
# expect: </b>
# expect: <c>
# expect: caught in c inside c
# expect: </c>
# expect: propagated inside c
# expect: <d>
# expect: </d>
# expect: propagated KeyError('k')
# expect: RuntimeError generator didn't yield
# expect: RuntimeError generator didn't stop
# expect: <decorated>
# expect: working 21
# expect: </decorated>
# expect: 42 tag
# expect: suppressed
# expect: ValueError not suppressed
# expect: captured ['hidden', '-', '1', '\n']
# expect: ['\n', 'to file', '!\n']
# expect: using r
# expect: close r
# expect: null 5
# expect: enter x
# expect: enter y
# expect: stacked
# expect: callback 1
# expect: exit y None
# expect: exit x None
# expect: enter kept
# expect: after pop_all
# expect: exit kept None
# expect: raised first context RuntimeError('second') its context KeyError('body')
# expect: TypeError 'builtins.int' object does not support the context manager protocol
# expect: open s1
# expect: in s1!
# expect: shut s1
# expect: open s2
# expect: session saw ZeroDivisionError
# expect: shut s2
# expect: aenter p
# expect: aenter q
# expect: enter sync
# expect: names ['p', 'q']
# expect: exit sync None
# expect: async callback done
# expect: aexit q None
# expect: aexit p None
# expect: aenter t
# expect: aexit t ValueError
# expect: ValueError boom
# expect: aclosing g
# expect: aclose g
# expect: async null n
