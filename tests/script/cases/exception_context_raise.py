# __context__ is set when an exception is raised (to the exception being
# handled then), not again when it propagates out of a frame: an
# __exit__ that clears it keeps it cleared.
import asyncio


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, t, exc, tb):
        if exc is not None:
            exc.__context__ = None
        return False


def inner():
    with Quiet():
        raise ValueError("b")


def outer():
    try:
        raise KeyError("a")
    except KeyError:
        inner()


try:
    outer()
except ValueError as e:
    print(repr(e.__context__))


def plain():
    try:
        raise KeyError("x")
    except KeyError:
        raise ValueError("y")


try:
    plain()
except ValueError as e:
    print(repr(e.__context__))


def deeper():
    raise TypeError("t")


def handler():
    try:
        {}["k"]
    except KeyError:
        deeper()


try:
    handler()
except TypeError as e:
    print(repr(e.__context__))


async def co():
    try:
        raise KeyError("a")
    except KeyError:
        with Quiet():
            raise ValueError("c")


async def main():
    try:
        await co()
    except ValueError as e:
        print(repr(e.__context__))

asyncio.run(main())
# expect: None
# expect: KeyError('x')
# expect: KeyError('k')
# expect: None
