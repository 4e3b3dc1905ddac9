// pprint: pprint, pformat, pp and PrettyPrinter, written in the script
// language. Dicts (keys sorted unless sort_dicts=False), lists, tuples,
// sets and strings that do not fit the width are broken over lines as
// CPython's pprint breaks them; other objects print their repr.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import re as _re
import sys as _sys

def _sort_key(value):
    return (str(type(value)), id(value))


def _sorted(values, key=None):
    try:
        return sorted(values, key=key)
    except TypeError:
        if key is None:
            return sorted(values, key=_sort_key)
        return sorted(values, key=lambda item: _sort_key(key(item)))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts

    def pprint(self, obj):
        stream = self._stream if self._stream is not None else _sys.stdout
        stream.write(self.pformat(obj) + "\n")

    def pformat(self, obj):
        out = []
        self._emit(obj, out, 0, 0, 0)
        return "".join(out)

    def isreadable(self, obj):
        return True

    def isrecursive(self, obj):
        return False

    # ---- one line ----

    def _flat(self, obj, level):
        kind = type(obj)
        deeper = self._depth is not None and level >= self._depth
        if kind is dict:
            if not obj:
                return "{}"
            if deeper:
                return "{...}"
            items = obj.items()
            if self._sort_dicts:
                items = _sorted(items, key=lambda kv: kv[0])
            return "{" + ", ".join(self._flat(k, level + 1) + ": " + self._flat(v, level + 1)
                                   for k, v in items) + "}"
        if kind is list or kind is tuple:
            if not obj:
                return repr(obj)
            if deeper:
                return "[...]" if kind is list else "(...)"
            body = ", ".join(self._flat(x, level + 1) for x in obj)
            if kind is list:
                return "[" + body + "]"
            return "(" + body + (",)" if len(obj) == 1 else ")")
        return repr(obj)

    # ---- broken over lines ----

    def _emit(self, obj, out, indent, allowance, level):
        flat = self._flat(obj, level)
        if len(flat) <= self._width - indent - allowance:
            out.append(flat)
            return
        kind = type(obj)
        level += 1
        if kind is dict and obj:
            out.append("{")
            if self._indent > 1:
                out.append(" " * (self._indent - 1))
            items = list(obj.items())
            if self._sort_dicts:
                items = _sorted(items, key=lambda kv: kv[0])
            self._emit_dict_items(items, out, indent, allowance + 1, level)
            out.append("}")
        elif kind is list and obj:
            out.append("[")
            self._emit_items(obj, out, indent, allowance + 1, level)
            out.append("]")
        elif kind is tuple and obj:
            close = ",)" if len(obj) == 1 else ")"
            out.append("(")
            self._emit_items(obj, out, indent, allowance + len(close), level)
            out.append(close)
        elif kind is set and obj:
            out.append("{")
            self._emit_items(_sorted(obj), out, indent, allowance + 1, level)
            out.append("}")
        elif kind is str and obj:
            self._emit_str(obj, out, indent, allowance, level)
        else:
            out.append(flat)

    def _emit_dict_items(self, items, out, indent, allowance, level):
        indent += self._indent
        newline = ",\n" + " " * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            key_text = self._flat(key, level)
            out.append(key_text + ": ")
            self._emit(value, out, indent + len(key_text) + 2, allowance if last else 1, level)
            if not last:
                out.append(newline)

    def _emit_items(self, items, out, indent, allowance, level):
        indent += self._indent
        if self._indent > 1:
            out.append(" " * (self._indent - 1))
        newline = ",\n" + " " * indent
        room = limit = self._width - indent + 1
        sep = ""
        items = list(items)
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if last:
                limit -= allowance
                room -= allowance
            if self._compact:
                text = self._flat(item, level)
                need = len(text) + 2
                if room < need:
                    room = limit
                    if sep:
                        sep = newline
                if room >= need:
                    room -= need
                    out.append(sep)
                    sep = ", "
                    out.append(text)
                    continue
            out.append(sep)
            sep = newline
            self._emit(item, out, indent, allowance if last else 1, level)

    def _emit_str(self, text, out, indent, allowance, level):
        pieces = []
        lines = text.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        room = room_last = self._width - indent
        for i, line in enumerate(lines):
            shown = repr(line)
            if i == len(lines) - 1:
                room_last -= allowance
            if len(shown) <= room_last:
                pieces.append(shown)
                continue
            words = _re.findall(r'\S*\s*', line)
            words.pop()
            limit = room
            current = ""
            for j, word in enumerate(words):
                candidate = current + word
                if j == len(words) - 1 and i == len(lines) - 1:
                    limit -= allowance
                if len(repr(candidate)) > limit:
                    if current:
                        pieces.append(repr(current))
                    current = word
                else:
                    current = candidate
            if current:
                pieces.append(repr(current))
        if len(pieces) == 1:
            out.append(shown)
            return
        if level == 1:
            out.append("(")
        for i, piece in enumerate(pieces):
            if i:
                out.append("\n" + " " * indent)
            out.append(piece)
        if level == 1:
            out.append(")")


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts).pformat(object)


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts).pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._flat(object, 0)


def isreadable(object):
    return True


def isrecursive(object):
    return False
)PY";

}  // namespace

Ref<ModuleObj> make_pprint_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("pprint");
  run_source_in_module(in, m, "pprint.py", kSource);
  return m;
}

}  // namespace loopscope::script
