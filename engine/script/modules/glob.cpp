// glob: glob, iglob, escape, has_magic, script source over os and fnmatch.
// Names come in the directory's own order (os.listdir's, as CPython's
// os.scandir): sort them for a stable output.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import os
import fnmatch as _fnmatch
import re as _re

_magic_check = _re.compile('([*?[])')


def has_magic(s):
    return _magic_check.search(s) is not None


def escape(pathname):
    drive, pathname = '', pathname
    return drive + _magic_check.sub(r'[\1]', pathname)


def _hidden(name):
    return name[0] == '.'


def _listdir(dirname, dir_fd_root):
    path = os.path.join(dir_fd_root, dirname) if dir_fd_root else dirname
    try:
        return os.listdir(path or os.curdir)
    except OSError:
        return []


def _isdir(path, root):
    return os.path.isdir(os.path.join(root, path) if root else path)


def _lexists(path, root):
    return os.path.exists(os.path.join(root, path) if root else path)


def _glob1(dirname, pattern, root, dironly):
    names = _listdir(dirname, root)
    if not _hidden(pattern):
        names = [x for x in names if not _hidden(x)]
    if dironly:
        names = [x for x in names if _isdir(os.path.join(dirname, x), root)]
    return _fnmatch.filter(names, pattern)


def _glob0(dirname, basename, root, dironly):
    if basename:
        if _lexists(os.path.join(dirname, basename), root):
            return [basename]
    elif _isdir(dirname, root):
        return [basename]
    return []


def _rlistdir(dirname, root, dironly):
    for x in _listdir(dirname, root):
        if not _hidden(x):
            path = os.path.join(dirname, x) if dirname else x
            if not dironly or _isdir(path, root):
                yield x
            if _isdir(path, root):
                for y in _rlistdir(path, root, dironly):
                    yield os.path.join(x, y)


def _glob2(dirname, pattern, root, dironly):
    yield pattern[:0]
    yield from _rlistdir(dirname, root, dironly)


def _iglob(pathname, root, recursive, dironly):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(pathname, root):
                yield pathname
        elif _isdir(dirname, root):
            yield pathname
        return
    if not dirname:
        if recursive and basename == '**':
            yield from _glob2(dirname, basename, root, dironly)
        else:
            yield from _glob1(dirname, basename, root, dironly)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root, recursive, True)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and basename == '**':
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(d, basename, root, dironly):
            yield os.path.join(d, name)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
    it = _iglob(pathname, root_dir, recursive, False)
    if recursive and pathname[:2] == '**':
        first = next(it, None)
        if first is not None and first:
            yield first
        yield from it
    else:
        yield from it


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive))
)PY";

}  // namespace

Ref<ModuleObj> make_glob_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("glob");
  run_source_in_module(in, m, "glob.py", kSource);
  return m;
}

}  // namespace loopscope::script
