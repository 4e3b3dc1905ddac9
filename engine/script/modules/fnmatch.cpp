// fnmatch: shell-style pattern matching (fnmatch, fnmatchcase, filter,
// translate), script source over the re module. On POSIX, as here,
// fnmatch does not fold case.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import re as _re

_cache = {}


def translate(pat):
    """The regular expression (a str) that matches what the pattern does."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not out or out[-1] != '.*':
                out.append('.*')
        elif c == '?':
            out.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
            else:
                stuff = pat[i:j]
                i = j + 1
                if not stuff:
                    out.append('(?!)')
                elif stuff == '!':
                    out.append('.')
                else:
                    stuff = stuff.replace('\\', '\\\\')
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    out.append('[' + stuff + ']')
        else:
            out.append(_re.escape(c))
    return '(?s:' + ''.join(out) + ')\\Z'


def _compile(pat):
    if pat not in _cache:
        _cache[pat] = _re.compile(translate(pat))
    return _cache[pat]


def fnmatchcase(name, pat):
    return _compile(pat).match(name) is not None


def fnmatch(name, pat):
    return fnmatchcase(name, pat)  # os.path.normcase is the identity on POSIX


def filter(names, pat):
    match = _compile(pat).match
    return [name for name in names if match(name)]
)PY";

}  // namespace

Ref<ModuleObj> make_fnmatch_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("fnmatch");
  run_source_in_module(in, m, "fnmatch.py", kSource);
  return m;
}

}  // namespace loopscope::script
