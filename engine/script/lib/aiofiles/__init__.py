"""aiofiles, simulated by loopscope: files whose every operation (open,
read, write, readline, close, ...) runs as a job of the loop's default
executor, as aiofiles 23 does (loop.run_in_executor(None, partial(...))),
so the loop goes on while a worker thread does the blocking call."""

from aiofiles import os
from aiofiles.threadpool import open

__all__ = ["open", "os"]
