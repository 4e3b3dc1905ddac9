"""The C accelerator's frames, for the oracle's pure-Python Future and Task.

The oracle runs asyncio's pure-Python Future and Task so that it can watch
every step. Real python3 runs the C ones (_asyncio), whose result(),
__await__ and Task wakeup have no Python frames. A traceback keeps every
frame it passes through, and those frames keep their locals: an exception
raised by the pure-Python Future.result() keeps the future (and, for a
cancellation, the exception itself) through the frame of result(). That is
a reference cycle python3 never makes, so with the collector off the oracle
reported "Task exception was never retrieved" only at loop.close() where
python3 reports it at once.

install() wraps result() and __await__ so that the tracebacks they raise
hold no entry for those frames (as the C implementation raises them), and
wakeup() is Task.__wakeup as the C task_wakeup does it: the awaited
future's exception is passed on with the traceback it was set with.
"""

import types

# Code objects whose frames the C accelerator does not have.
_HIDDEN = set()


def _visible(tb):
    """tb with the entries of hidden frames unlinked."""
    while tb is not None and tb.tb_frame.f_code in _HIDDEN:
        tb = tb.tb_next
    head = tb
    while tb is not None:
        after = tb.tb_next
        while after is not None and after.tb_frame.f_code in _HIDDEN:
            after = after.tb_next
        tb.tb_next = after
        tb = after
    return head


def _hide(function):
    _HIDDEN.add(function.__code__)
    return function


def install(future_class, originals):
    """Wrap future_class's result/__await__/__iter__; originals receives
    the replaced functions under (future_class, name)."""
    result = future_class.__dict__["result"]
    awaiting = future_class.__dict__["__await__"]
    originals[(future_class, "result")] = result
    originals[(future_class, "__await__")] = awaiting
    _hide(result)
    _hide(awaiting)

    @_hide
    def result_without_frame(self):
        try:
            return result(self)
        except BaseException as exc:
            exc.__traceback__ = _visible(exc.__traceback__)
            self = None  # the frame keeps nothing once it has raised
            raise

    @_hide
    def await_without_frame(self):
        inner = awaiting(self)
        self = None
        try:
            return (yield from inner)
        except BaseException as exc:
            exc.__traceback__ = _visible(exc.__traceback__)
            inner = None
            raise

    for function, original in ((result_without_frame, result),
                               (await_without_frame, awaiting)):
        function.__name__ = original.__name__
        function.__qualname__ = original.__qualname__
    future_class.result = result_without_frame
    future_class.__await__ = await_without_frame
    future_class.__iter__ = await_without_frame


@_hide
def outcome(future):
    """The exception future.result() raises (None when it returns), with
    the traceback the C implementation gives it."""
    try:
        future.result()
    except BaseException as exc:
        exc.__traceback__ = _visible(exc.__traceback__)
        return exc
    finally:
        future = None
    return None


def is_hidden_frame(frame):
    return isinstance(frame, types.FrameType) and frame.f_code in _HIDDEN
