# Where yield, yield from and async for may not stand (scope errors, all reported).
class C:
    yield 1  # expect error: 3:5: error: 'yield' outside function
def f():
    return [(yield x) for x in range(3)]  # expect error: 5:14: error: 'yield' inside list comprehension
def g():
    return ((yield x) for x in range(3))  # expect error: 7:14: error: 'yield' inside generator expression
def h():
    return [x async for x in y]  # expect error: 9:12: error: asynchronous comprehension outside of an asynchronous function
async def a():
    yield 1
    return 2  # expect error: 12:5: error: 'return' with value in async generator
