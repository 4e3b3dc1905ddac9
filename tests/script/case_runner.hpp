#pragma once
// Runs one script and renders what it did as lines: its output, then
// `! ...` diagnostics (warnings, traceback, limits), as the transcript does
// without --trace. Compile errors come back formatted instead.

#include <string>
#include <vector>

namespace loopscope {
struct RunOptions;
}

namespace loopscope::script::testing {

struct CaseRun {
  bool compiled = false;
  std::string compile_errors;      // formatted diagnostics
  std::vector<std::string> lines;  // output lines and "! ..." lines, in order
  int status = 0;
  std::string traceback;
};

CaseRun run_source(const std::string& file, const std::string& source, const RunOptions* options = nullptr);
CaseRun run_file(const std::string& path);

}  // namespace loopscope::script::testing
