// pathlib: PosixPath (Path) written in the script language over os,
// os.path and open().

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import os as _os
import re as _re


def _split(args):
    root = ''
    comps = []
    for a in args:
        if isinstance(a, PurePath):
            a = str(a)
        elif not isinstance(a, str):
            raise TypeError('expected str, bytes or os.PathLike object, not ' + type(a).__name__)
        if a.startswith('/'):
            root = '/'
            comps = []
        for c in a.split('/'):
            if c and c != '.':
                comps.append(c)
    return root, comps


def _glob_regex(pat):
    out = ''
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == '*':
            out += '.*'
        elif c == '?':
            out += '.'
        elif c == '[':
            j = pat.find(']', i + 2)
            if j < 0:
                out += '\\['
            else:
                body = pat[i + 1:j]
                if body.startswith('!'):
                    body = '^' + body[1:]
                out += '[' + body + ']'
                i = j
        else:
            out += _re.escape(c)
        i += 1
    return _re.compile(out, _re.S)


class PurePath:
    def __init__(self, *args):
        self._root, self._comps = _split(args)

    def _from(self, root, comps):
        p = type(self)()
        p._root = root
        p._comps = list(comps)
        return p

    def __str__(self):
        s = self._root + '/'.join(self._comps)
        return s or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '{}({!r})'.format(type(self).__name__, str(self))

    def _key(self):
        return ([self._root] if self._root else []) + self._comps

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, other):
        if not isinstance(other, (str, PurePath)):
            return NotImplemented
        return type(self)(self, other)

    def __rtruediv__(self, other):
        if not isinstance(other, (str, PurePath)):
            return NotImplemented
        return type(self)(other, self)

    def joinpath(self, *args):
        return type(self)(self, *args)

    @property
    def parts(self):
        return tuple(self._key())

    @property
    def anchor(self):
        return self._root

    @property
    def root(self):
        return self._root

    @property
    def name(self):
        return self._comps[-1] if self._comps else ''

    @property
    def suffix(self):
        n = self.name
        i = n.rfind('.')
        return n[i:] if 0 < i < len(n) - 1 else ''

    @property
    def suffixes(self):
        n = self.name
        if n.endswith('.'):
            return []
        n = n.lstrip('.')
        return ['.' + s for s in n.split('.')[1:]]

    @property
    def stem(self):
        n = self.name
        i = n.rfind('.')
        return n[:i] if 0 < i < len(n) - 1 else n

    @property
    def parent(self):
        if not self._comps:
            return self
        return self._from(self._root, self._comps[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._comps:
            p = p.parent
            out.append(p)
        return tuple(out)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from(self._root, self._comps[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        return self._from(self._root, self._comps[:-1] + [self.stem + suffix])

    def is_absolute(self):
        return self._root != ''

    def relative_to(self, *other):
        base = type(self)(*other)
        k, b = self._key(), base._key()
        if k[:len(b)] != b:
            raise ValueError('{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute.'.format(str(self), str(base)))
        return self._from('', k[len(b):])

    def match(self, pattern):
        pat = type(self)(pattern)
        pk = pat._key()
        k = self._key()
        if pat._root:
            if len(pk) != len(k):
                return False
        elif len(pk) > len(k):
            return False
        for a, b in zip(reversed(k), reversed(pk)):
            if not _glob_regex(b).fullmatch(a):
                return False
        return True


class PosixPath(PurePath):
    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    def absolute(self):
        if self._root:
            return self
        return type(self)(_os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(_os.path.abspath(str(self)))

    def exists(self):
        return _os.path.exists(str(self))

    def is_file(self):
        return _os.path.isfile(str(self))

    def is_dir(self):
        return _os.path.isdir(str(self))

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with open(str(self), encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with open(str(self), 'rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        with open(str(self), 'w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        with open(str(self), 'wb') as f:
            return f.write(bytes(data))

    def iterdir(self):
        for name in _os.listdir(str(self)):
            yield self / name

    def _select(self, pats):
        if not pats:
            yield self
            return
        head, rest = pats[0], pats[1:]
        if head == '**':
            yield from self._select(rest)
            for name in _os.listdir(str(self)):
                child = self / name
                if child.is_dir():
                    yield from child._select(pats)
            return
        if not any(c in head for c in '*?['):
            child = self / head
            if (rest and child.is_dir()) or (not rest and child.exists()):
                yield from child._select(rest)
            return
        rx = _glob_regex(head)
        for name in _os.listdir(str(self)):
            if rx.fullmatch(name) and (not rest or _os.path.isdir(str(self / name))):
                yield from (self / name)._select(rest)

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pats = [p for p in pattern.split('/') if p and p != '.']
        seen = set()
        for p in self._select(pats):
            if str(p) not in seen:
                seen.add(str(p))
                yield p

    def rglob(self, pattern):
        yield from self.glob('**/' + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            _os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists')
            return
        open(str(self), 'a').close()

    def unlink(self, missing_ok=False):
        try:
            _os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        _os.rmdir(str(self))

    def rename(self, target):
        _os.rename(str(self), str(target))
        return type(self)(target)

    def replace(self, target):
        _os.replace(str(self), str(target))
        return type(self)(target)


Path = PosixPath


class PurePosixPath(PurePath):
    pass
)PY";

}  // namespace

Ref<ModuleObj> make_pathlib_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("pathlib");
  run_source_in_module(in, m, "pathlib.py", kSource);
  return m;
}

}  // namespace loopscope::script
