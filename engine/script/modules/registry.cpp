// One table of importable modules: name and factory.

#include "engine/script/modules/registry.hpp"

#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

// Modules declared here, not in modules.hpp: only the registry makes them.
Ref<ModuleObj> make_threading_module(Interp& in);
Ref<ModuleObj> make_glob_module(Interp& in);
Ref<ModuleObj> make_fnmatch_module(Interp& in);
Ref<ModuleObj> make_weakref_module(Interp& in);
Ref<ModuleObj> make_sqlite3_module(Interp& in);
Ref<ModuleObj> make_subprocess_module(Interp& in);
Ref<ModuleObj> make_asyncio_subprocess_module(Interp& in);
Ref<ModuleObj> make_abc_module(Interp& in);
Ref<ModuleObj> make_traceback_module(Interp& in);
Ref<ModuleObj> make_pprint_module(Interp& in);
Ref<ModuleObj> make_copy_module(Interp& in);
Ref<ModuleObj> make_gc_module(Interp& in);
Ref<ModuleObj> make_queue_module(Interp& in);
Ref<ModuleObj> make_types_module(Interp& in);
Ref<ModuleObj> make_urllib_parse_module(Interp& in);
Ref<ModuleObj> make_urllib_module(Interp& in);
Ref<ModuleObj> make_contextvars_module(Interp& in);
Ref<ModuleObj> make_collections_abc_module(Interp& in);
Ref<ModuleObj> make_signal_module(Interp& in);
Ref<ModuleObj> make_base64_module(Interp& in);
Ref<ModuleObj> make_csv_module(Interp& in);
Ref<ModuleObj> make_fractions_module(Interp& in);
Ref<ModuleObj> make_secrets_module(Interp& in);

namespace {

struct ModuleEntry {
  const char* name;
  Ref<ModuleObj> (*make)(Interp&);
};

// In the order the refusal message lists them.
constexpr ModuleEntry kModules[] = {
    {"asyncio", make_asyncio_module},     {"time", make_time_module},
    {"random", make_random_module},       {"math", make_math_module},
    {"sys", make_sys_module},             {"bisect", make_bisect_module},
    {"heapq", make_heapq_module},         {"itertools", make_itertools_module},
    {"functools", make_functools_module}, {"operator", make_operator_module},
    {"string", make_string_module},       {"json", make_json_module},
    {"textwrap", make_textwrap_module},   {"statistics", make_statistics_module},
    {"concurrent.futures", make_concurrent_futures_module}, {"concurrent", make_concurrent_module},
    {"re", make_re_module}, {"logging", make_logging_module},
    {"datetime", make_datetime_module}, {"uuid", make_uuid_module}, {"hashlib", make_hashlib_module},
    {"io", make_io_module}, {"os", make_os_module}, {"os.path", make_os_path_module},
    {"pathlib", make_pathlib_module}, {"tempfile", make_tempfile_module}, {"shutil", make_shutil_module},
    {"typing", make_typing_module}, {"contextlib", make_contextlib_module},
    {"dataclasses", make_dataclasses_module}, {"__future__", make_future_module},
    {"collections", make_collections_module}, {"enum", make_enum_module},
    {"loopscope", make_loopscope_module},
    {"threading", make_threading_module}, {"weakref", make_weakref_module},
    {"glob", make_glob_module}, {"fnmatch", make_fnmatch_module},
    {"sqlite3", make_sqlite3_module}, {"subprocess", make_subprocess_module},
    {"asyncio.subprocess", make_asyncio_subprocess_module},
    {"abc", make_abc_module}, {"traceback", make_traceback_module},
    {"pprint", make_pprint_module}, {"copy", make_copy_module}, {"gc", make_gc_module},
    {"queue", make_queue_module}, {"types", make_types_module},
    {"urllib.parse", make_urllib_parse_module}, {"urllib", make_urllib_module},
    {"contextvars", make_contextvars_module}, {"collections.abc", make_collections_abc_module},
    {"signal", make_signal_module}, {"base64", make_base64_module},
    {"csv", make_csv_module}, {"fractions", make_fractions_module},
    {"secrets", make_secrets_module},
};

const ModuleEntry* find_entry(const std::string& name) {
  for (const ModuleEntry& e : kModules)
    if (name == e.name) return &e;
  return nullptr;
}

}  // namespace

bool is_supported_module(const std::string& name) { return find_entry(name) != nullptr; }

std::string unsupported_module_message(const std::string& name) {
  std::string list;
  for (const ModuleEntry& e : kModules)
    list += (list.empty() ? "" : ", ") + std::string(e.name);
  return "import of module '" + name + "' is not supported (available: " + list + ")";
}

Ref<ModuleObj> make_module(Interp& in, const std::string& name) {
  const ModuleEntry* e = find_entry(name);
  return e ? e->make(in) : Ref<ModuleObj>();
}

}  // namespace loopscope::script
