// The functools module: reduce and partial (native), and in the script
// language wraps, update_wrapper, lru_cache, cache, total_ordering,
// cached_property, singledispatch.

#include <typeinfo>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

Value f_reduce(Interp& in, const Value&, CallArgs& a) {
  expect_args("reduce", a, 2, 3);
  Value it = in.iter(a.pos[1]);
  Value acc;
  bool have = a.pos.size() == 3;
  if (have) acc = a.pos[2];
  Value v;
  while (in.next(it, v)) {
    if (!have) {
      acc = v;
      have = true;
    } else {
      acc = in.call(a.pos[0], {acc, v});
    }
  }
  if (!have) type_error("reduce() of empty iterable with no initial value");
  return acc;
}

// A partial is a built-in callable whose self is (func, args, kwargs):
// the stored keywords come first and the call's override them.
Value call_partial(Interp& in, const Value& self, CallArgs& a) {
  const auto& parts = self.as<TupleObj>()->items;
  CallArgs call;
  call.pos = parts[1].as<TupleObj>()->items;
  call.pos.insert(call.pos.end(), a.pos.begin(), a.pos.end());
  for (const Value& kv : parts[2].as<TupleObj>()->items) {
    const auto& p = kv.as<TupleObj>()->items;
    call.kw.emplace_back(p[0].as<StrObj>()->value, p[1]);
  }
  for (auto& [k, v] : a.kw) {
    bool replaced = false;
    for (auto& [k0, v0] : call.kw)
      if (k0 == k) v0 = v, replaced = true;
    if (!replaced) call.kw.emplace_back(k, v);
  }
  return in.call(parts[0], call);
}

Value f_partial(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("type 'partial' takes at least one argument");
  CallArgs probe;
  probe.pos = {a.pos[0]};
  if (!in.truthy(in.call(in.builtin("callable"), probe))) type_error("the first argument must be callable");
  std::vector<Value> kws;
  for (const auto& [k, v] : a.kw) kws.push_back(Value::object(make<TupleObj>(std::vector<Value>{str_value(k), v})));
  std::vector<Value> parts = {a.pos[0], Value::object(make<TupleObj>(std::vector<Value>(a.pos.begin() + 1, a.pos.end()))),
                              Value::object(make<TupleObj>(std::move(kws)))};
  return Value::object(make<NativeObj>("partial", call_partial, Value::object(make<TupleObj>(std::move(parts)))));
}

const char* const kSource = R"PY(
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        extra = getattr(wrapped, attr, {})
        for key in extra:
            setattr(wrapper, key, extra[key])
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __repr__(self):
        return f"CacheInfo(hits={self.hits!r}, misses={self.misses!r}, maxsize={self.maxsize!r}, currsize={self.currsize!r})"

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __getitem__(self, i):
        return (self.hits, self.misses, self.maxsize, self.currsize)[i]

    def __len__(self):
        return 4


_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        if key in cache:
            stats[0] += 1
            result = cache[key]
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if key in cache:
            return result
        if maxsize is not None and len(cache) >= maxsize:
            del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_wrapper(user_function, None, False)


def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def _defines(cls, name):
    for c in cls.__mro__:
        if c is not object and name in vars(c):
            return True
    return False


def total_ordering(cls):
    roots = [op for op in _convert if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        val = self.func(instance)
        setattr(instance, self.attrname, val)
        return val


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            annotations = getattr(f, '__annotations__', {})
            if not annotations:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            cls = list(annotations.values())[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
)PY";

}  // namespace

bool partial_parts(const Value& fn, Value& func, std::vector<Value>& args,
                   std::vector<std::pair<std::string, Value>>& keywords) {
  Value keep = fn;  // `func` may be `fn` itself
  Object* o = keep.obj();
  if (!o || typeid(*o) != typeid(NativeObj) || static_cast<NativeObj*>(o)->fn != call_partial) return false;
  const auto& parts = static_cast<NativeObj*>(o)->self.as<TupleObj>()->items;
  func = parts[0];
  const auto& stored = parts[1].as<TupleObj>()->items;
  args.insert(args.begin(), stored.begin(), stored.end());
  std::vector<std::pair<std::string, Value>> merged;
  for (const Value& kv : parts[2].as<TupleObj>()->items) {
    const auto& p = kv.as<TupleObj>()->items;
    merged.emplace_back(p[0].as<StrObj>()->value, p[1]);
  }
  for (auto& [k, v] : keywords) {
    bool replaced = false;
    for (auto& [k0, v0] : merged)
      if (k0 == k) v0 = v, replaced = true;
    if (!replaced) merged.emplace_back(k, v);
  }
  keywords = std::move(merged);
  return true;
}

Ref<ModuleObj> make_functools_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("functools");
  add_function(*m, "reduce", f_reduce);
  add_function(*m, "partial", f_partial);
  run_source_in_module(in, m, "functools.py", kSource);
  return m;
}

}  // namespace loopscope::script
