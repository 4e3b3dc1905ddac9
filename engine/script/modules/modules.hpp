#pragma once
// The importable modules and the per-run state they keep.

#include <map>
#include <memory>

#include "engine/script/vm/interp.hpp"
#include "engine/script/modules/mt19937.hpp"

namespace loopscope::script {

struct Interp::ModuleState {
  MersenneTwister random;
  bool random_seeded = false;
  // asyncio: the script object of each engine loop, and the policy's loop.
  std::map<EventLoop*, Value> loop_objects;
  EventLoop* policy_loop = nullptr;
  bool policy_loop_set = false;
  // loop.set_exception_handler's handler per loop (absent: None).
  std::map<EventLoop*, Value> exception_handlers;
};

void install_builtin_functions(Interp& in);
Ref<ModuleObj> make_asyncio_module(Interp& in);
Ref<ModuleObj> make_time_module(Interp& in);
Ref<ModuleObj> make_random_module(Interp& in);
Ref<ModuleObj> make_math_module(Interp& in);
Ref<ModuleObj> make_sys_module(Interp& in);
Ref<ModuleObj> make_concurrent_futures_module(Interp& in);
Ref<ModuleObj> make_concurrent_module(Interp& in);
Ref<ModuleObj> make_bisect_module(Interp& in);
Ref<ModuleObj> make_heapq_module(Interp& in);
Ref<ModuleObj> make_itertools_module(Interp& in);
Ref<ModuleObj> make_functools_module(Interp& in);
Ref<ModuleObj> make_operator_module(Interp& in);
Ref<ModuleObj> make_statistics_module(Interp& in);
Ref<ModuleObj> make_string_module(Interp& in);
Ref<ModuleObj> make_json_module(Interp& in);
Ref<ModuleObj> make_textwrap_module(Interp& in);
Ref<ModuleObj> make_re_module(Interp& in);
Ref<ModuleObj> make_logging_module(Interp& in);
Ref<ModuleObj> make_datetime_module(Interp& in);
Ref<ModuleObj> make_uuid_module(Interp& in);
Ref<ModuleObj> make_hashlib_module(Interp& in);
Ref<ModuleObj> make_io_module(Interp& in);
Ref<ModuleObj> make_os_module(Interp& in);
Ref<ModuleObj> make_os_path_module(Interp& in);
Ref<ModuleObj> make_pathlib_module(Interp& in);
Ref<ModuleObj> make_shutil_module(Interp& in);
Ref<ModuleObj> make_tempfile_module(Interp& in);
Ref<ModuleObj> make_typing_module(Interp& in);
Ref<ModuleObj> make_future_module(Interp& in);
Ref<ModuleObj> make_contextlib_module(Interp& in);
Ref<ModuleObj> make_dataclasses_module(Interp& in);
Ref<ModuleObj> make_collections_module(Interp& in);
Ref<ModuleObj> make_enum_module(Interp& in);
Ref<ModuleObj> make_loopscope_module(Interp& in);
// asyncio_subprocess.cpp: asyncio.subprocess and asyncio.create_subprocess_*.
void add_subprocess(ModuleObj& asyncio);
// datetime_more.cpp: the second half of datetime's source.
const char* datetime_more_source();
// The module `name` built for this run, or null when there is none.
Ref<ModuleObj> make_module(Interp& in, const std::string& name);

// math_more.cpp: the rest of math.
void add_math_more(ModuleObj& m);

// Helper for module tables.
void add_function(ModuleObj& m, const char* name, NativeFn fn);
// An exception's whole report as traceback.format_exception prints it (the
// header and frames when it was raised, then "Type: message"); for None,
// "NoneType: None". traceback.cpp; logging's exc_info uses it too.
std::string exception_report(Interp& in, const Value& exc);

}  // namespace loopscope::script
