#pragma once
// A compile-time message tied to a place in the source: what the CLI
// prints as `file.py:LINE:COL: error: message`, then the line and a caret.

#include <string>
#include <vector>

namespace loopscope::script {

struct Diagnostic {
  int line = 0;    // 1-based
  int col = 0;     // 1-based
  std::string message;
};

// One compile error, formatted: header, source line, caret line.
std::string format_diagnostic(const std::string& file, const std::string& source, const Diagnostic& d);
// The source line `line` (1-based) without its newline; empty when out of range.
std::string source_line(const std::string& source, int line);

}  // namespace loopscope::script
