"""Processes for the CPython oracle (docs/SIMULATED_WORLD.md, "Processes").

The engine's subprocess module is script source over one native, _run
(engine/script/modules/subprocess.cpp and subprocess_source.cpp); the
oracle runs that same source over the _run below, which runs the real
command to its end with CPython's own subprocess.Popen. The program's
`import subprocess` then finds the simulated module, so a child's output
that the program does not capture reaches the transcript through
sys.stdout, on both sides. asyncio's create_subprocess_exec/_shell come
from the shared library engine/script/lib/_loopscope_subprocess.py, built
on that module."""

import asyncio
import asyncio.subprocess
import os
import subprocess as _real
import sys
import types

_ENGINE_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "..", "..", "engine", "script", "modules",
                              "subprocess_source.cpp")


def _source():
    with open(_ENGINE_SOURCE, encoding="utf-8") as f:
        text = f.read()
    start = text.index('R"PY(') + len('R"PY(')
    return text[start:text.index(')PY"', start)]


def _run(argv, cwd, env, stdin, data, stdout, stderr, timeout):
    environ = None
    if env is not None:
        environ = dict(item.split("=", 1) for item in env)
    process = _real.Popen(argv, cwd=cwd, env=environ, stdin=stdin,
                          stdout=stdout, stderr=stderr)
    late = False
    try:
        out, err = process.communicate(data, timeout)
    except _real.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        late = True
    return (process.returncode, out or b"", err or b"", process.pid, late)


def _library():
    import _loopscope_subprocess
    return _loopscope_subprocess


def create_subprocess_exec(program, *args, **kwargs):
    return _library().create_subprocess_exec(program, *args, **kwargs)


def create_subprocess_shell(cmd, **kwargs):
    return _library().create_subprocess_shell(cmd, **kwargs)


def install():
    """The simulated subprocess module, and asyncio's subprocess functions
    from the shared library."""
    module = types.ModuleType("subprocess")
    module._run = _run
    exec(compile(_source(), "subprocess.py", "exec"), module.__dict__)
    sys.modules["subprocess"] = module
    os.system = module._system
    for target in (asyncio, asyncio.subprocess):
        target.create_subprocess_exec = create_subprocess_exec
        target.create_subprocess_shell = create_subprocess_shell
    return module
