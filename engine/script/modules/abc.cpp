// abc: ABCMeta, ABC and abstractmethod, written in the script language. A
// class whose abstract methods are not all overridden cannot be
// instantiated (CPython's TypeError). register() records a virtual
// subclass but isinstance() does not consult it. __abstractmethods__ is a
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
        return cls

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
