#pragma once
// One run of a scenario, as the CLI and the GUI get it: the source, the
// trace, the exit status and any errors. Loading never throws and never
// crashes on a user's file: problems come back as diagnostics.

#include <memory>
#include <string>
#include <vector>

#include "engine/loop/world.hpp"

namespace loopscope {

struct Diagnostic {
  std::string file;
  int line = 0;
  int col = 0;
  std::string message;
  std::string source_line;
  // `file:line:col: error: message`, the source line and a caret.
  std::string format() const;
};

struct ScenarioRun {
  std::string name;        // file stem or built-in name
  std::string path;        // as given (empty for built-ins)
  std::string source;      // the program text
  std::string docstring;   // the module docstring, for the Explain tab
  std::unique_ptr<World> world;  // the trace lives here
  int exit_code = 0;       // 0, 1 uncaught exception, 2 compile/usage error, 3 deadlock, 4 limit
  // Exit 4 from the blocked-loop guard: one step ran RunOptions::instruction_budget
  // instructions without awaiting (not another limit).
  bool blocked = false;
  std::vector<Diagnostic> errors;       // compile errors (exit 2)
  std::vector<std::string> traceback;   // Python-style traceback of an uncaught exception
};

// Compiles and runs a .py file (or a built-in scenario by name).
ScenarioRun run_scenario(const std::string& path_or_name, const RunOptions& options = {});
// Compiles only: the errors, empty when the file is fine.
std::vector<Diagnostic> check_scenario(const std::string& path_or_name);
// The compile errors of program text (empty when it compiles).
std::vector<Diagnostic> compile_errors(const std::string& file, const std::string& source);
// Compiles and runs program text.
ScenarioRun run_source(const std::string& name, const std::string& source, const RunOptions& options = {});
// A scenario written with C++ coroutines (no script language needed).
ScenarioRun run_demo(const RunOptions& options = {});

struct BuiltinScenario {
  std::string name;   // e.g. "gather"
  std::string topic;  // e.g. "Tasks"
  std::string title;  // first line of its docstring
  std::string source;
};
// The lessons shipped in scenarios/, compiled into the binary.
const std::vector<BuiltinScenario>& builtin_scenarios();
const BuiltinScenario* find_builtin(const std::string& name);

}  // namespace loopscope
