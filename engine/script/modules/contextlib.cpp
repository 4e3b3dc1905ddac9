// The contextlib module, written in the script language: contextmanager
// and asynccontextmanager (exceptions thrown into the generator, CPython's
// "generator didn't stop" errors; usable as decorators), suppress,
// closing, aclosing, nullcontext, redirect_stdout/stderr, ExitStack and
// AsyncExitStack (LIFO unwinding, each exit seeing the exception the
// previous one left, contexts chained as CPython chains them).

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        inner.__name__ = func.__name__
        inner.__qualname__ = func.__qualname__
        inner.__doc__ = func.__doc__
        inner.__wrapped__ = func
        return inner


class AsyncContextDecorator:
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        inner.__name__ = func.__name__
        inner.__qualname__ = func.__qualname__
        inner.__doc__ = func.__doc__
        inner.__wrapped__ = func
        return inner


class _GeneratorContextManagerBase:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        self.__doc__ = getattr(func, "__doc__", None)

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager, ContextDecorator):
    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager, AsyncContextDecorator):
    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    helper.__wrapped__ = func
    return helper


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    helper.__wrapped__ = func
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


def _chain_context(raised, replaced, original):
    # An exception raised by an exit callback takes the exception it
    # replaces as the __context__ at the end of its own chain (the chain
    # stops at the exception the with-block itself raised).
    link = raised
    while True:
        ctx = link.__context__
        if ctx is None or ctx is replaced:
            return
        if ctx is original:
            break
        link = ctx
    link.__context__ = replaced


class _Unwind:
    # One unwinding of an exit stack: the exception in flight as each
    # callback sees it, and whether it was swallowed or replaced.
    def __init__(self, details):
        self.details = details
        self.received = details[0] is not None
        self.original = details[1]
        self.swallowed = False
        self.replaced = False

    def returned(self, suppress):
        if suppress:
            self.swallowed = True
            self.replaced = False
            self.details = (None, None, None)

    def raised(self, exc):
        # As 3.11 does, also when the exception in flight was swallowed
        # (the chain then ends at None).
        _chain_context(exc, self.details[1], self.original)
        self.replaced = True
        self.details = (type(exc), exc, None)

    def result(self):
        if self.replaced:
            exc = self.details[1]
            kept = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = kept
                raise
        return self.received and self.swallowed


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []  # (is_sync, fn(exc_type, exc, tb))

    def pop_all(self):
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return moved

    def _add(self, is_sync, fn):
        self._exit_callbacks.append((is_sync, fn))

    def _add_exit_of(self, cm, exit_fn, is_sync):
        if is_sync:
            self._add(True, lambda t, e, tb: exit_fn(cm, t, e, tb))
        else:
            async def call_exit(t, e, tb):
                return await exit_fn(cm, t, e, tb)
            self._add(False, call_exit)

    def _push(self, exit, attr, is_sync):
        method = getattr(type(exit), attr, None)
        if method is None:
            self._add(is_sync, exit)
        else:
            self._add_exit_of(exit, method, is_sync)
        return exit

    def _protocol(self, cm, enter, exit, what):
        cls = type(cm)
        try:
            return getattr(cls, enter), getattr(cls, exit)
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the {what} protocol") from None

    def push(self, exit):
        return self._push(exit, "__exit__", True)

    def enter_context(self, cm):
        enter, exit = self._protocol(cm, "__enter__", "__exit__", "context manager")
        result = enter(cm)
        self._add_exit_of(cm, exit, True)
        return result

    def callback(self, callback, *args, **kwds):
        def call(t, e, tb):
            callback(*args, **kwds)
        call.__wrapped__ = callback
        self._add(True, call)
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwind = _Unwind(exc_details)
        while self._exit_callbacks:
            _, fn = self._exit_callbacks.pop()
            try:
                unwind.returned(fn(*unwind.details))
            except BaseException as exc:
                unwind.raised(exc)
        return unwind.result()

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    async def enter_async_context(self, cm):
        enter, exit = self._protocol(cm, "__aenter__", "__aexit__",
                                     "asynchronous context manager")
        result = await enter(cm)
        self._add_exit_of(cm, exit, False)
        return result

    def push_async_exit(self, exit):
        return self._push(exit, "__aexit__", False)

    def push_async_callback(self, callback, *args, **kwds):
        async def call(t, e, tb):
            await callback(*args, **kwds)
        call.__wrapped__ = callback
        self._add(False, call)
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwind = _Unwind(exc_details)
        while self._exit_callbacks:
            is_sync, fn = self._exit_callbacks.pop()
            try:
                outcome = fn(*unwind.details)
                unwind.returned(outcome if is_sync else await outcome)
            except BaseException as exc:
                unwind.raised(exc)
        return unwind.result()
)PY";

}  // namespace

Ref<ModuleObj> make_contextlib_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("contextlib");
  run_source_in_module(in, m, "contextlib.py", kSource);
  return m;
}

}  // namespace loopscope::script
