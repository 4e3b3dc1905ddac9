import socket  # expect error: 1:8: error: import of module 'socket' is not supported
def f(): pass
yield 1  # expect error: 3:1: error: 'yield' outside function
async def g():
    yield from g()  # expect error: 5:5: error: 'yield from' inside async function
try: pass
finally: y = 2 @ 3  # expect error: 7:16: error: the '@' operator is not supported
z = 0
x = = 1  # expect error: 9:5: error: invalid syntax
