// copy: copy and deepcopy, written in the script language. Built-in
// containers, the collections types and instances of user classes
// (including frozen dataclasses) are copied; __copy__ and __deepcopy__
// are honoured; other objects (functions, classes, modules, tasks) are
// returned as they are, as CPython's copy treats them as atomic.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
from collections import deque as _deque, defaultdict as _defaultdict, OrderedDict as _OrderedDict, Counter as _Counter


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    return isinstance(x, _ATOMIC) or callable(x) and not hasattr(x, "__dict__")


def _instance_copy(x, cls, fill):
    y = object.__new__(cls)
    for key, value in vars(x).items():
        object.__setattr__(y, key, fill(value))
    return y


def copy(x):
    cls = type(x)
    if cls in (list, dict, set, bytearray):
        return cls(x)
    if cls is tuple or _is_atomic(x):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if isinstance(x, (_deque, _defaultdict, _OrderedDict, _Counter)):
        return x.copy()
    if isinstance(x, (list, dict, set)):
        return cls(x)
    try:
        vars(x)
    except TypeError:
        return x
    return _instance_copy(x, cls, lambda v: v)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    if _is_atomic(x) and cls not in (list, dict, set, tuple):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = cls(deepcopy(item, memo) for item in x)
    elif hasattr(x, "__deepcopy__") and not isinstance(x, type):
        y = x.__deepcopy__(memo)
    elif isinstance(x, _defaultdict):
        y = cls(x.default_factory)
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, (_OrderedDict, _Counter)):
        y = cls()
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, _deque):
        y = cls((deepcopy(item, memo) for item in x), x.maxlen)
    else:
        try:
            vars(x)
        except TypeError:
            return x
        y = object.__new__(cls)
        memo[key] = y
        for k, v in vars(x).items():
            object.__setattr__(y, k, deepcopy(v, memo))
    memo[key] = y
    return y
)PY";

}  // namespace

Ref<ModuleObj> make_copy_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("copy");
  run_source_in_module(in, m, "copy.py", kSource);
  return m;
}

}  // namespace loopscope::script
