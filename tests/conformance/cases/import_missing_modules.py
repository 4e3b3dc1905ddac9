# A module outside the standard library that is not there raises
# ModuleNotFoundError when the import runs, as under python3 without it (a
# missing standard-library module is refused at compile time: compile_errors.py).
try:
    import uvloop
except ImportError as e:
    uvloop = None
    print(type(e).__name__, e, e.name, uvloop)
try:
    from httpx import AsyncClient
except ModuleNotFoundError as e:
    print(e, isinstance(e, ImportError))
try:
    import foo.bar as fb
except ImportError as e:
    print(e)
try:
    from asyncio import Nope
except ImportError as e:
    # CPython appends the module's file path in parentheses.
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'Nope' from 'asyncio'"))
import httpx
