#pragma once
// The compiler: syntax tree to bytecode, one CodeObj per function, class
// body, comprehension and lambda. Semantic checks that need the whole
// tree (unsupported modules, nonlocal bindings) are reported here in the
// same diagnostic format as parse errors.

#include <string>
#include <vector>

#include "engine/script/modules/registry.hpp"
#include "engine/script/syntax/ast.hpp"
#include "engine/script/compiler/chunk.hpp"
#include "engine/script/syntax/diagnostic.hpp"

namespace loopscope::script {

// Modules a script may import: engine/script/modules/registry.hpp.

// Compiles a parsed module; returns null when errors were added.
Ref<CodeObj> compile_module(const Module& m, const std::string& file, std::vector<Diagnostic>& errors);

}  // namespace loopscope::script
