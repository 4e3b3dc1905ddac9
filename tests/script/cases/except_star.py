# except* (PEP 654): matching the leaves of a group by type, the naked
# exception wrapped in ExceptionGroup(''), the unhandled rest and what the
# handlers raise combined as CPython combines them, bare raise, else/finally.
import asyncio


def run(body):
    try:
        body()
    except BaseException as e:
        print("escaped:", repr(e))


def multi():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as eg:
        print("V", repr(eg))
    except* (TypeError, KeyError) as eg:
        print("TK", repr(eg))
    print("after")


run(multi)


def naked():
    try:
        raise ValueError("x")
    except* ValueError as eg:
        print(repr(eg), type(eg).__name__, repr(eg.exceptions[0]))


run(naked)


def rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")


run(rest)


def naked_unmatched():
    try:
        raise TypeError("t")
    except* ValueError:
        print("not here")


run(naked_unmatched)


def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
    except* ValueError:
        raise
    except* TypeError as eg:
        raise RuntimeError("new") from None


run(reraise)


def naked_reraise():
    try:
        raise ValueError("x")
    except* ValueError:
        raise


run(naked_reraise)


def naked_raise_new():
    try:
        raise ValueError("x")
    except* ValueError:
        raise KeyError("k")


run(naked_raise_new)


def metadata():
    cause = OSError("c")
    try:
        try:
            raise KeyError("ctx")
        except KeyError:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from cause
    except* ValueError as eg:
        print(eg.__cause__ is cause, repr(eg.__context__))
        try:
            raise
        except ExceptionGroup as again:
            print(again is eg)
    except* TypeError as eg:
        print("T", repr(eg), repr(eg.__cause__))


run(metadata)


def else_finally():
    for exc in [None, ValueError(1)]:
        try:
            if exc:
                raise exc
        except* ValueError as eg:
            print("caught", repr(eg))
        else:
            print("else")
        finally:
            print("finally")
    try:
        eg
    except NameError:
        print("eg unbound")


run(else_finally)


def context_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        try:
            raise KeyError("inner")
        except KeyError as k:
            print(repr(k.__context__))


run(context_in_handler)


def loops():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        except* ValueError as eg:
            for j in range(5):
                if j == 1:
                    break
                out.append((i, j))

            def inner():
                return eg.exceptions[0].args[0]

            out.append(inner())
    print(out)


run(loops)


def bad_types():
    for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
        try:
            try:
                raise ValueError(1)
            except* t:
                pass
        except TypeError as e:
            print(e)


run(bad_types)


def all_except_exception():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* Exception as eg:
        print("whole:", repr(eg))


run(all_except_exception)


def notes():
    eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    eg.__notes__ = ["note 1"]
    try:
        raise eg
    except* ValueError as m:
        print(m.__notes__, m.__notes__ is eg.__notes__)
    except* TypeError:
        raise


run(notes)


async def fail(n, exc):
    await asyncio.sleep(n)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, ValueError("v")))
            tg.create_task(fail(0.2, KeyError("k")))
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print("tg V", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("tg K", [repr(e) for e in eg.exceptions])
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(0.1, ValueError("v")))
                tg.create_task(fail(0.1, OSError("o")))
        except* ValueError:
            print("V only")
    except ExceptionGroup as eg:
        print("left:", repr(eg))


asyncio.run(main())

# The run's output, in order:
# expect: V ExceptionGroup('eg', [ValueError(1), ValueError(3)])
# expect: TK ExceptionGroup('eg', [TypeError(2), KeyError(4)])
# expect: after
# expect: ExceptionGroup('', (ValueError('x'),)) ExceptionGroup ValueError('x')
# expect: handled V
# expect: escaped: ExceptionGroup('eg', [TypeError(2)])
# expect: escaped: TypeError('t')
# expect: escaped: ExceptionGroup('', [RuntimeError('new'), ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [ValueError(3)]), KeyError(4)])])
# expect: escaped: ExceptionGroup('', (ValueError('x'),))
# expect: escaped: KeyError('k')
# expect: True KeyError('ctx')
# expect: True
# expect: T ExceptionGroup('eg', [TypeError(2)]) OSError('c')
# expect: else
# expect: finally
# expect: caught ExceptionGroup('', (ValueError(1),))
# expect: finally
# expect: eg unbound
# expect: ExceptionGroup('eg', [ValueError(1)])
# expect: escaped: ExceptionGroup('eg', [TypeError(2)])
# expect: [(0, 0), 0, (1, 0), 1, (2, 0), 2]
# expect: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: catching ExceptionGroup with except* is not allowed. Use except instead.
# expect: catching classes that do not inherit from BaseException is not allowed
# expect: whole: ExceptionGroup('eg', [ValueError(1)])
# expect: ['note 1'] False
# expect: escaped: ExceptionGroup('eg', [TypeError(2), KeyError(3)])
# expect: tg V ['v']
# expect: V only
# expect: left: ExceptionGroup('unhandled errors in a TaskGroup', [OSError('o')])
