// traceback: format_exc, print_exc, format_exception, print_exception and
// format_exception_only, printing what the interpreter prints for an
// uncaught exception (without 3.11's ^^^ position markers).

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

std::string exception_report(Interp& in, const Value& exc) {
  if (!exc.is(ObjKind::Exception)) return "NoneType: None\n";
  auto* e = exc.as<ExceptionObj>();
  if (e->traceback.empty() && !e->cause && !e->context) {  // never raised: no traceback header
    std::string msg = in.str(exc);
    return e->cls->qualified_name() + (msg.empty() ? "" : ": " + msg) + "\n";
  }
  return in.format_traceback(e);
}

namespace {

// _format(exc): the whole report of an exception as one string.
Value tb_format(Interp& in, const Value&, CallArgs& a) {
  check_args("_format", a, 1, 1);
  return str_value(exception_report(in, a.pos[0]));
}

// _current(): the exception being handled, or None.
Value tb_current(Interp& in, const Value&, CallArgs& a) {
  check_args("_current", a, 0, 0);
  Ref<ExceptionObj> e = in.current_handled();
  return e ? Value::object(e) : Value();
}

const char* const kSource = R"PY(
import sys


def _chunks(text):
    # The pieces CPython's format_exception returns: the header, one per
    # frame (its File line and source line), the exception line, and the
    # chain's separators.
    out = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("  File ") and i + 1 < len(lines) and lines[i + 1].startswith("    "):
            out.append(line + lines[i + 1])
            i += 2
            continue
        if line == "\n" and i + 2 < len(lines) and lines[i + 2] == "\n":
            out.append(line + lines[i + 1] + lines[i + 2])
            i += 3
            continue
        out.append(line)
        i += 1
    return out


def _exc_of(exc, value):
    if value is not None or exc is None:
        return value
    if isinstance(exc, type):
        return None
    return exc


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    return _chunks(_format(_exc_of(exc, value)))


def format_exception_only(exc, /, value=None):
    e = _exc_of(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    msg = str(e)
    name = type(e).__qualname__
    module = type(e).__module__
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    return [name + (": " + msg if msg else "") + "\n"]


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for chunk in format_exception(exc, value, tb, limit, chain):
        print(chunk, file=file, end="")


def format_exc(limit=None, chain=True):
    return _format(_current())


def print_exc(limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    print(format_exc(), file=file, end="")


def print_last(limit=None, file=None, chain=True):
    raise ValueError("no last exception")
)PY";

}  // namespace

Ref<ModuleObj> make_traceback_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("traceback");
  add_function(*m, "_format", tb_format);
  add_function(*m, "_current", tb_current);
  run_source_in_module(in, m, "traceback.py", kSource);
  return m;
}

}  // namespace loopscope::script
