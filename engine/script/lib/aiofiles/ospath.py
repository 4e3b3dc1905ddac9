"""aiofiles.os.path (simulated by loopscope), and `wrap`, which makes an
os function a coroutine function that runs it in the loop's default
executor."""

import asyncio
import os as _os
from functools import partial


def wrap(func):
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, partial(func, *args, **kwargs))
    run.__name__ = func.__name__
    run.__qualname__ = func.__name__
    return run


exists = wrap(_os.path.exists)
isfile = wrap(_os.path.isfile)
isdir = wrap(_os.path.isdir)
getsize = wrap(_os.path.getsize)
