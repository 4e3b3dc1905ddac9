// abc: ABCMeta, ABC and abstractmethod, written in the script language. A
// class whose abstract methods are not all overridden cannot be
// instantiated (CPython's TypeError). register() records a virtual
// subclass that isinstance() and issubclass() accept (through the
// metaclass's __instancecheck__ and __subclasscheck__). __abstractmethods__ is a
// set (CPython's is a frozenset, which the engine does not have).

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _isabstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    for inner in ("fget", "fset", "fdel", "__func__"):
        part = getattr(value, inner, None)
        if part is not None and getattr(part, "__isabstractmethod__", False):
            return True
    return False


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _isabstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _isabstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = abstracts
        cls._abc_registry = []
        cls._abc_subs = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subs.append(cls)
        return cls

    def __instancecheck__(cls, instance):
        check = getattr(cls, "_abc_instancecheck", None)
        if check is not None and check(instance):
            return True
        return _subclass_check(cls, type(instance))

    def __subclasscheck__(cls, subclass):
        return _subclass_check(cls, subclass)

    def __call__(cls, *args, **kwargs):
        missing = cls.__abstractmethods__
        if missing:
            names = sorted(missing)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{plural} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass


def _subclass_check(cls, subclass):
    if subclass is cls:
        return True
    hook = getattr(cls, "__subclasshook__", None)
    if hook is not None:
        ok = hook(subclass)
        if ok is not NotImplemented:
            return ok
    if cls in getattr(subclass, "__mro__", ()):
        return True
    for other in cls._abc_registry:
        if issubclass(subclass, other):
            return True
    for other in cls._abc_subs:
        if issubclass(subclass, other):
            return True
    return False


class ABC(metaclass=ABCMeta):
    pass


def update_abstractmethods(cls):
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for key in getattr(base, "__abstractmethods__", ()):
            if _isabstract(getattr(cls, key, None)):
                abstracts.add(key)
    for key, value in vars(cls).items():
        if _isabstract(value):
            abstracts.add(key)
    cls.__abstractmethods__ = abstracts
    return cls
)PY";

}  // namespace

Ref<ModuleObj> make_abc_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("abc");
  run_source_in_module(in, m, "abc.py", kSource);
  return m;
}

}  // namespace loopscope::script
