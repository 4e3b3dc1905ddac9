"""asyncio's subprocesses in the simulated world (docs/SIMULATED_WORLD.md,
"Processes"): asyncio.create_subprocess_exec / create_subprocess_shell and
their Process, built on the blocking subprocess module. The real command
runs to its end at once, when its input is complete: at creation, or, with
stdin=PIPE, when stdin is closed or at communicate()/wait(). Its output is
then already in the StreamReaders, so reading it takes no virtual time.
Creating the process and wait() each give the loop one turn (sleep(0)).
loopscope and the CPython oracle both import this file."""

import asyncio
import subprocess

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL


class _StdinWriter:
    """Process.stdin for stdin=PIPE: keeps what is written until it closes."""

    def __init__(self, process):
        self._process = process
        self._chunks = []
        self._closing = False

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"data argument must be a bytes-like object, not '{type(data).__name__}'")
        if not self._closing:
            self._chunks.append(bytes(data))

    def writelines(self, data):
        for chunk in data:
            self.write(chunk)

    async def drain(self):
        pass

    def can_write_eof(self):
        return True

    def write_eof(self):
        self.close()

    def close(self):
        if not self._closing:
            self._closing = True
            self._process._start()

    def is_closing(self):
        return self._closing

    async def wait_closed(self):
        pass

    def get_extra_info(self, name, default=None):
        return default


class Process:
    def __init__(self, args, shell, stdin, stdout, stderr, limit, kwds):
        self._args = args
        self._shell = shell
        self._modes = (stdin, stdout, stderr)
        self._kwds = kwds
        self._popen = None
        self._returncode = None
        self.pid = None
        self.stdin = _StdinWriter(self) if stdin == PIPE else None
        self.stdout = asyncio.StreamReader(limit=limit) if stdout == PIPE else None
        self.stderr = asyncio.StreamReader(limit=limit) if stderr == PIPE else None

    def __repr__(self):
        return f"<Process {self.pid}>"

    @property
    def returncode(self):
        return self._returncode

    def _start(self):
        if self._popen is not None:
            return
        stdin, stdout, stderr = self._modes
        data = None
        if self.stdin is not None:
            self.stdin._closing = True
            data = b"".join(self._stdin_chunks())
        self._popen = subprocess.Popen(self._args, shell=self._shell, stdin=stdin, stdout=stdout,
                                       stderr=stderr, **self._kwds)
        self.pid = self._popen.pid
        out, err = self._popen.communicate(data)
        self.pid = self._popen.pid
        for reader, chunk in ((self.stdout, out), (self.stderr, err)):
            if reader is not None:
                reader.feed_data(chunk)
                reader.feed_eof()

    def _stdin_chunks(self):
        return self.stdin._chunks

    async def wait(self):
        self._start()
        await asyncio.sleep(0)
        self._returncode = self._popen.returncode
        return self._returncode

    async def communicate(self, input=None):
        if self.stdin is not None:
            if input is not None:
                self.stdin.write(input)
            self.stdin.close()
        self._start()
        stdout = await self.stdout.read() if self.stdout is not None else None
        stderr = await self.stderr.read() if self.stderr is not None else None
        await self.wait()
        return (stdout, stderr)

    def send_signal(self, signal):
        pass

    def terminate(self):
        pass

    def kill(self):
        pass


def _check_kwds(kwds):
    for name, message in (("universal_newlines", "universal_newlines must be False"),
                          ("text", "text must be False")):
        if kwds.pop(name, False):
            raise ValueError(message)
    if kwds.pop("bufsize", 0) != 0:
        raise ValueError("bufsize must be 0")
    for name in ("encoding", "errors"):
        if kwds.pop(name, None) is not None:
            raise ValueError(f"{name} must be None")


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=2 ** 16, **kwds):
    if kwds.pop("shell", False):
        raise ValueError("shell must be False")
    _check_kwds(kwds)
    process = Process([program, *args], False, stdin, stdout, stderr, limit, kwds)
    if stdin != PIPE:
        process._start()
    await asyncio.sleep(0)
    return process


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=2 ** 16, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if not kwds.pop("shell", True):
        raise ValueError("shell must be True")
    _check_kwds(kwds)
    process = Process(cmd, True, stdin, stdout, stderr, limit, kwds)
    if stdin != PIPE:
        process._start()
    await asyncio.sleep(0)
    return process
