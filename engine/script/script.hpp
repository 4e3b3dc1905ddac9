#pragma once
// The scenario language's public surface: compile a .py file, run it in a
// World, print its bytecode. Everything else in engine/script is internal.
//
//   CompileResult c = compile_source("demo.py", text);
//   if (!c.ok) { for (auto& d : c.errors) std::cerr << format_diagnostic(...); return 2; }
//   RunResult r = run_program(world, *c.program);   // r.status: 0, 1, 3, 4

#include <memory>
#include <string>
#include <vector>

#include "engine/loop/world.hpp"
#include "engine/object/ref.hpp"
#include "engine/script/syntax/diagnostic.hpp"

namespace loopscope::script {

class CodeObj;
using loopscope::Ref;

// A compiled module: its source (for the GUI's source view and for
// tracebacks) and its code.
struct Program {
  std::string file;
  std::string source;
  Ref<CodeObj> code;
  ~Program();
};

struct CompileResult {
  bool ok = false;
  std::vector<Diagnostic> errors;  // in source order
  std::shared_ptr<const Program> program;
  // All errors, each as `file:LINE:COL: error: msg` + source line + caret.
  std::string formatted() const;
  std::string file;
  std::string source;
};

CompileResult compile_source(const std::string& file, const std::string& source);
// Reads `path`; a file that cannot be read is one error at 1:1.
CompileResult compile_file(const std::string& path);

struct RunResult {
  // 0: finished; 1: uncaught exception; 3: deadlock (LoopAbort);
  // 4: a limit (LoopAbort, or the instruction budget: "blocked");
  // sys.exit(n) gives n.
  int status = 0;
  std::string traceback;  // the full Python-style traceback (status 1)
  int blocked_line = 0;   // the line a blocked task was running (status 4 by budget)
  bool blocked = false;   // status 4 because a step ran out of its instruction budget
};

// Runs the module code (which usually calls asyncio.run). Records program
// output, warnings, the traceback line and the blocked-loop diagnostic into
// world.trace. LoopAbort does not propagate: it becomes status 3 or 4.
RunResult run_program(World& world, const Program& program);

// The bytecode of every function in the program, clox-style.
std::string disassemble(const Program& program);

}  // namespace loopscope::script
