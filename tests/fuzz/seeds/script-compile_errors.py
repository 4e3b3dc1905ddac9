import socket  # expect error: 1:8: error: import of module 'socket' is not supported
def f():
    yield 1  # expect error: 3:5: error: generators ('yield') are not supported
async def g():
    yield 2  # expect error: 5:5: error: 'yield' inside async def is not supported
match f:  # expect error: 6:1: error: 'match' statements are not supported
    case 1:
        pass
x = = 1  # expect error: 9:5: error: invalid syntax
