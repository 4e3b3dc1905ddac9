# The program's world (TRACE_FORMAT.md v2, change 9): sys.argv holds only
# the file, __file__ is absolute, random
# is seeded with 0, and the loop and handles have CPython's names.
import asyncio
import random
import sys

print(len(sys.argv), sys.argv[0].rsplit("/", 1)[-1])
print(__file__.startswith("/"), __file__.rsplit("/", 1)[-1])

print(random.random())
loop = asyncio.new_event_loop()
print(type(loop).__name__)
print(type(loop.call_soon(print)).__name__, type(loop.call_later(1, print)).__name__)
loop.close()
