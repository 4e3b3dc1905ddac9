// The script half of the subprocess module (see subprocess.cpp). The
// oracle (tests/conformance/sim_proc.py) runs this same text under CPython.

namespace loopscope::script {

const char* subprocess_module_source() {
  return R"PY(
import io as _io
import sys as _sys

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGNALS = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT',
            7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2',
            13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM'}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            number = -self.returncode
            if number in _SIGNALS:
                return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, _SIGNALS[number], number)
            return "Command '%s' died with unknown signal %d." % (self.cmd, number)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ['args=' + repr(self.args), 'returncode=' + repr(self.returncode)]
        if self.stdout is not None:
            parts.append('stdout=' + repr(self.stdout))
        if self.stderr is not None:
            parts.append('stderr=' + repr(self.stderr))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _fspath(value):
    if isinstance(value, (str, bytes)):
        return value
    if hasattr(type(value), '__fspath__'):
        return value.__fspath__()
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(value).__name__)


def _argv(args, shell, executable):
    if isinstance(args, (str, bytes)) or hasattr(type(args), '__fspath__'):
        argv = [_fspath(args)]
    else:
        argv = [_fspath(a) for a in args]
    if shell:
        argv = ['/bin/sh', '-c'] + argv
    if executable is not None:
        argv[0] = _fspath(executable)
    return argv


def _stream(value):
    if value is None or isinstance(value, int):
        return value
    return value.fileno()


class _InputPipe:
    """Popen.stdin for stdin=PIPE: what the program writes is kept; the
    process runs with it when the pipe is closed (or at communicate/wait)."""

    def __init__(self, process, text):
        self._process = process
        self._text = text
        self._chunks = []
        self.closed = False

    def write(self, data):
        if self.closed:
            raise ValueError('write to closed file')
        if self._text and not isinstance(data, str):
            raise TypeError('write() argument must be str, not ' + type(data).__name__)
        if not self._text and not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '" + type(data).__name__ + "'")
        self._chunks.append(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def _take(self):
        return ''.join(self._chunks) if self._text else b''.join(self._chunks)

    def close(self):
        if not self.closed:
            self.closed = True
            self._process._start(None)


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None, group=None,
                 extra_groups=None, encoding=None, errors=None, text=None, umask=-1,
                 pipesize=-1, process_group=None):
        if universal_newlines is not None and text is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.')
        self.args = args
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        self._argv = _argv(args, shell, executable)
        self._cwd = None if cwd is None else _fspath(cwd)
        self._env = None if env is None else [_fspath(k) + '=' + _fspath(v) for k, v in env.items()]
        self._modes = (stdin, stdout, stderr)
        self.returncode = None
        self.pid = None
        self.stdin = _InputPipe(self, self.text_mode) if stdin == PIPE else None
        self.stdout = None
        self.stderr = None
        self._outcome = None
        if stdin != PIPE:
            self._start(self._timeout)

    _timeout = None

    def _decode(self, data):
        if not self.text_mode:
            return data
        text = data.decode(self.encoding or 'utf-8', self.errors or 'strict')
        return text.replace('\r\n', '\n').replace('\r', '\n')

    def _reader(self, data):
        data = self._decode(data)
        return _io.StringIO(data) if self.text_mode else _io.BytesIO(data)

    def _start(self, timeout, extra=None):
        if self._outcome is not None:
            return
        stdin, stdout, stderr = self._modes
        data = None
        if self.stdin is not None:
            data = self.stdin._take()
            self.stdin.closed = True
            if extra:
                data = data + extra
            if self.text_mode:
                data = data.encode(self.encoding or 'utf-8', self.errors or 'strict')
        out_mode = PIPE if stdout is None else _stream(stdout)
        err_mode = PIPE if stderr is None else _stream(stderr)
        in_mode = DEVNULL if stdin is None else _stream(stdin)
        code, out, err, pid, late = _run(self._argv, self._cwd, self._env, in_mode, data,
                                         out_mode, err_mode, timeout)
        self.pid = pid
        self._outcome = (code, late, timeout)
        if stdout is None and out:
            _sys.stdout.write(out.decode('utf-8', 'replace'))
        if stderr is None and err:
            _sys.stderr.write(err.decode('utf-8', 'replace'))
        if stdout == PIPE:
            self.stdout = self._reader(out)
        if stderr == PIPE:
            self.stderr = self._reader(err)

    def _finish(self, timeout):
        self._start(timeout)
        code, late, limit = self._outcome
        if late:
            self.returncode = -9
            out = self.stdout.read() if self.stdout is not None else None
            err = self.stderr.read() if self.stderr is not None else None
            raise TimeoutExpired(self.args, limit, output=out, stderr=err)
        self.returncode = code
        return code

    def communicate(self, input=None, timeout=None):
        if self.stdin is not None and not self.stdin.closed:
            self._start(timeout, input)
        self._finish(timeout)
        out = self.stdout.read() if self.stdout is not None else None
        err = self.stderr.read() if self.stderr is not None else None
        return (out, err)

    def wait(self, timeout=None):
        return self._finish(timeout)

    def poll(self):
        if self._outcome is None:
            return None
        return self._finish(None)

    def send_signal(self, sig):
        pass

    def terminate(self):
        pass

    def kill(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdin is not None and not self.stdin.closed:
            self.stdin.close()
        if self._outcome is not None and not self._outcome[1]:
            self.returncode = self._outcome[0]


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with _popen(popenargs, kwargs, timeout) as process:
        stdout, stderr = process.communicate(input, timeout=timeout)
        code = process.poll()
    if check and code:
        raise CalledProcessError(code, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, code, stdout, stderr)


def _popen(popenargs, kwargs, timeout):
    """A Popen whose process, when it starts at once, has `timeout` (the
    timeout a later communicate or wait is given)."""
    process = Popen.__new__(Popen)
    process._timeout = timeout
    process.__init__(*popenargs, **kwargs)
    return process


def call(*popenargs, timeout=None, **kwargs):
    with _popen(popenargs, kwargs, timeout) as p:
        return p.wait(timeout=timeout)


def check_call(*popenargs, **kwargs):
    code = call(*popenargs, **kwargs)
    if code:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(code, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for name in ('stdout', 'check'):
        if name in kwargs:
            raise ValueError(name + ' argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        text = kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') or kwargs.get('errors')
        kwargs['input'] = '' if text else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    code = 0
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
    except CalledProcessError as ex:
        data = ex.output
        code = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return code, data


def _system(command):
    """os.system: a shell command whose output goes to the program's
    stdout; returns the wait status (exit code << 8, or the signal)."""
    if not isinstance(command, (str, bytes)) and not hasattr(type(command), '__fspath__'):
        raise TypeError("system() argument 'command' must be str, bytes or os.PathLike, not "
                        + type(command).__name__)
    code = Popen(command, shell=True).wait()
    return (code & 0xff) << 8 if code >= 0 else -code


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
)PY";
}

}  // namespace loopscope::script
