import os  # expect error: 1:8: error: import of module 'os' is not supported
def f(): pass
yield 1  # expect error: 3:1: error: 'yield' outside function
async def g():
    yield from g()  # expect error: 5:5: error: 'yield from' inside async function
match f:  # expect error: 6:1: error: 'match' statements are not supported
    case 1:
        pass
x = = 1  # expect error: 9:5: error: invalid syntax
