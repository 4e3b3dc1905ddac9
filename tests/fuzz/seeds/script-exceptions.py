# try/except/else/finally, raise from, custom exceptions, context managers.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key

def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e

try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, type(e.__cause__).__name__)  # expect: NotFound missing x x KeyError

def order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(f"body{i}")
        finally:
            log.append(f"fin{i}")
    return log
print(order())  # expect: ['body0', 'fin0', 'fin1', 'body2', 'fin2']

def ret():
    try:
        return "try"
    finally:
        print("finally runs before return")  # expect: finally runs before return
print(ret())  # expect: try

try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", repr(e))  # expect: caught IndexError('list index out of range')
else:
    print("not here")

try:
    pass
except Exception:
    pass
else:
    print("else runs")  # expect: else runs

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True

with Ctx() as c:  # expect: enter
    raise ValueError("swallowed")  # expect: exit ValueError
print("after with")  # expect: after with

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e.__context__))  # expect: ValueError('inner')

assert 1 + 1 == 2, "math"
try:
    assert False, "nope"
except AssertionError as e:
    print("assert", e)  # expect: assert nope

def boom():
    return 1 / 0
boom()  # expect error: ZeroDivisionError: division by zero
