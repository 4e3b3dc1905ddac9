// gc: the collector's switches. Objects are reference-counted and die when
// their last reference goes, as in CPython; collect() has no cycles of its
// own to look for in the programs the engine runs and returns 0.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
_enabled = [True]


def collect(generation=2):
    return 0


def enable():
    _enabled[0] = True


def disable():
    _enabled[0] = False


def isenabled():
    return _enabled[0]


def get_count():
    return (0, 0, 0)


def get_threshold():
    return (700, 10, 10)


def set_threshold(threshold0, threshold1=10, threshold2=10):
    pass


garbage = []
)PY";

}  // namespace

Ref<ModuleObj> make_gc_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("gc");
  run_source_in_module(in, m, "gc.py", kSource);
  return m;
}

}  // namespace loopscope::script
