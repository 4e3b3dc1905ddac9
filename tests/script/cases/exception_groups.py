# ExceptionGroup / BaseExceptionGroup: construction checks, message,
# exceptions, split, subgroup, derive, nesting; TaskGroup raises the same type.
import asyncio

g = BaseExceptionGroup("m", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
print(type(g).__name__, g, g.message, len(g.exceptions))  # expect: ExceptionGroup m (3 sub-exceptions) m 3
print(repr(g))  # expect: ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3)])])
match, rest = g.split(ValueError)
print(repr(match))  # expect: ExceptionGroup('m', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])])
print(repr(rest))  # expect: ExceptionGroup('m', [TypeError(2)])
print(repr(g.subgroup(lambda e: isinstance(e, TypeError))))  # expect: ExceptionGroup('m', [TypeError(2)])
print(g.split(KeyError)[0], g.subgroup(Exception) is g)  # expect: None True
print(repr(g.derive([KeyError(5)])), isinstance(g, Exception))  # expect: ExceptionGroup('m', [KeyError(5)]) True
b = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(b).__name__, isinstance(b, Exception), str(b))  # expect: BaseExceptionGroup False b (1 sub-exception)
for args in [("x",), (1, []), ("x", []), ("x", [1]), ("x", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)
# expect: TypeError BaseExceptionGroup.__new__() argument 1 must be str, not int
# expect: ValueError second argument (exceptions) must be a non-empty sequence
# expect: ValueError Item 0 of second argument (exceptions) is not an exception
# expect: TypeError Cannot nest BaseExceptions in an ExceptionGroup

try:
    g.split(3)
except TypeError as e:
    print(e)  # expect: expected a function, exception type or tuple of exception types

async def boom(n):
    await asyncio.sleep(n / 10)
    raise ValueError(n)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1))
            tg.create_task(boom(1))
    except ExceptionGroup as eg:
        print(type(eg) is ExceptionGroup, eg, [repr(e) for e in eg.exceptions])
asyncio.run(main())  # expect: True unhandled errors in a TaskGroup (2 sub-exceptions) ['ValueError(1)', 'ValueError(1)']
