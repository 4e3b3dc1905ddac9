// contextvars: ContextVar, Token, Context and copy_context, written in the
// script language over the interpreter's current context (a dict from
// ContextVar to value, Interp::context). A task takes a copy of its
// creator's context and runs in it (ScriptCoroutine::enter_task), so what
// a task sets is seen by the tasks it creates, not by its siblings.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

// _current(): the context in effect (made on first use).
Value cv_current(Interp& in, const Value&, CallArgs& a) {
  check_args("_current", a, 0, 0);
  if (in.context.is_none()) in.context = Value::object(make<DictObj>());
  return in.context;
}

// _swap(d): makes d the context in effect; returns the previous one.
Value cv_swap(Interp& in, const Value&, CallArgs& a) {
  check_args("_swap", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Dict)) type_error("_swap() expects a dict");
  Value old = in.context;
  in.context = a.pos[0];
  return old;
}

const char* const kSource = R"PY(
_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at 0x?>" % (used, self._var)


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d" % len(args))
        context = _current()
        if self in context:
            return context[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _current()
        old = context.get(self, _MISSING)
        context[self] = value
        return Token(context, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r" % (type(token).__name__,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        context = _current()
        if token._context is not context:
            raise ValueError("%r was created in a different Context" % (token,))
        token._used = True
        if token._old_value is _MISSING:
            context.pop(self, None)
        else:
            context[self] = token._old_value

    def __repr__(self):
        default = ""
        if self._default is not _MISSING:
            default = " default=%r" % (self._default,)
        return "<ContextVar name=%r%s at 0x?>" % (self._name, default)


class Context:
    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError("cannot enter context: %r is already entered" % (self,))
        self._entered = True
        outer = _swap(self._data)
        try:
            return callable(*args, **kwargs)
        finally:
            _swap(outer)
            self._entered = False

    def copy(self):
        c = Context()
        c._data = dict(self._data)
        return c

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return self._data[var]

    def get(self, var, default=None):
        return self._data.get(var, default)

    def __contains__(self, var):
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


def copy_context():
    c = Context()
    c._data = dict(_current())
    return c
)PY";

}  // namespace

Ref<ModuleObj> make_contextvars_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("contextvars");
  add_function(*m, "_current", cv_current);
  add_function(*m, "_swap", cv_swap);
  run_source_in_module(in, m, "contextvars.py", kSource);
  // Tasks made from now on take copies of this context.
  if (in.context.is_none()) in.context = Value::object(make<DictObj>());
  return m;
}

}  // namespace loopscope::script
