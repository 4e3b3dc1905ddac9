#pragma once
// The names `import` accepts. The parser and the compiler refuse a module
// of the standard library loopscope lacks, by name; any other unknown module
// is a ModuleNotFoundError at run time. The interpreter builds a module from
// its entry on first import. No dependency on the VM, so the syntax stage can include it.

#include <string>

namespace loopscope::script {

bool is_supported_module(const std::string& name);
// A module of CPython 3.11's standard library (by its top-level package);
// only those are refused at compile time when loopscope lacks them.
bool is_stdlib_module(const std::string& name);
// Refused at compile time: a standard-library module loopscope lacks.
inline bool is_refused_module(const std::string& name) { return !is_supported_module(name) && is_stdlib_module(name); }
// "import of module 'x' is not supported (available: ...)"
std::string unsupported_module_message(const std::string& name);

}  // namespace loopscope::script
