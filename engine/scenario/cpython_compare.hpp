#pragma once
// Comparing a scenario's run with CPython's: the same file run under the
// real asyncio by tests/conformance/cpython_oracle.py, transcripts compared
// line by line at both levels (plain, then --trace). Used by `loopscope
// compare` and by the window's "Compare with CPython" command.

#include <string>
#include <vector>

#include "engine/loop/world.hpp"

namespace loopscope {

// The first line where two transcripts part.
struct Difference {
  bool found = false;
  size_t line = 0;                   // 1-based
  std::vector<std::string> context;  // the equal lines just before it, indented by two spaces
  std::string ours, theirs;
};
Difference first_difference(const std::string& ours, const std::string& theirs, size_t context);

// The verdict for one file.
struct CpythonComparison {
  enum class Outcome { Identical, Different, CompileError, OracleMissing, PythonFailed };
  Outcome outcome = Outcome::PythonFailed;
  std::string level;          // "plain" or "--trace": where the difference is
  Difference difference;      // Different: the first differing line (not found: the exit statuses differ)
  int exit_here = 0, exit_cpython = 0;
  size_t plain_lines = 0, trace_lines = 0;  // lines of each transcript compared equal so far
  std::string message;        // one paragraph a person can read; set for every outcome
  std::vector<std::string> errors;  // CompileError: formatted compile errors
};

// Where the oracle script is: `given`, else $LOOPSCOPE_ORACLE, else the
// source tree's tests/conformance/cpython_oracle.py.
std::string find_cpython_oracle(const std::string& given, const std::string& source_dir);

// Runs `path` here and under `python3 oracle`, plain then --trace, and
// stops at the first difference. Never throws; a missing python3 or oracle
// is an outcome with a message, not an error. Blocks while python3 runs.
CpythonComparison compare_with_cpython(const std::string& path, const RunOptions& options,
                                       const std::string& oracle);
// The same for a run already made (with `options`) of `path`: only python3
// runs. Reads run's trace, never changes it, so another thread may call it
// while the run stays alive.
struct ScenarioRun;
CpythonComparison compare_run_with_cpython(const ScenarioRun& run, const std::string& path, const RunOptions& options,
                                           const std::string& oracle);

}  // namespace loopscope
