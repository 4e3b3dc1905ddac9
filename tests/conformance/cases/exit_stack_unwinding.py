# ExitStack / AsyncExitStack: LIFO unwinding, callbacks, exits that swallow
# or replace the exception in flight (and the context chain 3.11 gives it),
# pop_all, objects that are not context managers.
import asyncio
from contextlib import ExitStack, AsyncExitStack, contextmanager, asynccontextmanager, suppress

@contextmanager
def cm(name, fail=False):
    print("enter", name)
    try:
        yield name
    finally:
        print("exit", name)
        if fail:
            raise KeyError(name)

class Sup:
    def __enter__(self): return self
    def __exit__(self, t, e, tb):
        print("sup sees", t.__name__ if t else None)
        return True

def one():
    with ExitStack() as st:
        st.callback(print, "cb", 1)
        st.enter_context(cm("a"))
        st.enter_context(cm("b", fail=True))
        st.push(lambda t, e, tb: print("push sees", t.__name__))
        raise ValueError("body")

try:
    one()
except BaseException as e:
    print("got", repr(e), repr(e.__context__))

def two():
    with ExitStack() as st:
        st.enter_context(cm("x", fail=True))
        st.enter_context(cm("y", fail=True))
        raise ValueError("v")
try:
    two()
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

with ExitStack() as st:
    st.enter_context(cm("p"))
    moved = st.pop_all()
print("after pop_all")
moved.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(e)

@asynccontextmanager
async def acm(n):
    print("aenter", n)
    yield n
    await asyncio.sleep(0.1)
    print("aexit", n)

async def main():
    async with AsyncExitStack() as st:
        print(await st.enter_async_context(acm(1)))
        st.enter_context(cm("s"))
        async def later(x): print("later", x)
        st.push_async_callback(later, 5)
        async def swallow(t, e, tb):
            print("swallow", t.__name__)
            return True
        st.push_async_exit(swallow)
        raise RuntimeError("r")
    print("survived")
    try:
        await AsyncExitStack().enter_async_context(cm("z"))
    except TypeError as e:
        print(e)
asyncio.run(main())
