#pragma once
// Running module code written in the script language (logging, datetime).

#include <string>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

// Runs `source` with `m`'s globals as its namespace (functions and classes
// defined there keep `m` as their globals). `file` names it in tracebacks.
void run_source_in_module(Interp& in, const Ref<ModuleObj>& m, const std::string& file, const std::string& source);

}  // namespace loopscope::script
