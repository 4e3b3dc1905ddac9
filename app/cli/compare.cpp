// `loopscope compare FILE.py`: the same file run here and under CPython's
// real asyncio (tests/conformance/cpython_oracle.py), transcripts compared
// at both levels; the first difference is shown with context.

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/compare.hpp"

#ifndef LOOPSCOPE_SOURCE_DIR
#define LOOPSCOPE_SOURCE_DIR "."
#endif

namespace loopscope::cli {

int cmd_compare(const std::string& file, const RunOptions& options, const std::string& oracle_arg) {
  std::string oracle = find_cpython_oracle(oracle_arg, LOOPSCOPE_SOURCE_DIR);
  CpythonComparison c = compare_with_cpython(file, options, oracle);
  using Outcome = CpythonComparison::Outcome;
  switch (c.outcome) {
    case Outcome::OracleMissing:
      std::cerr << "loopscope: error: CPython oracle not found at " << oracle
                << " (pass --oracle PATH or set LOOPSCOPE_ORACLE)\n";
      return 2;
    case Outcome::CompileError:
      for (const std::string& e : c.errors) std::cerr << e;
      if (c.errors.empty()) std::cerr << "loopscope: error: " << c.message << "\n";
      return 2;
    case Outcome::PythonFailed:
      std::cerr << "loopscope: error: could not run python3 " << oracle << "\n";
      return 2;
    case Outcome::Different:
      if (c.level == "--trace") std::cout << "identical (plain): " << c.plain_lines << " lines\n";
      if (c.difference.found) {
        std::cout << "DIFFERENT (" << c.level << "): first difference at line " << c.difference.line << "\n";
        for (const auto& line : c.difference.context) std::cout << line << "\n";
        std::cout << "- loopscope: " << c.difference.ours << "\n+ cpython:   " << c.difference.theirs << "\n";
      } else {
        std::cout << "DIFFERENT (" << c.level << "): exit status " << c.exit_here << " here, " << c.exit_cpython
                  << " under CPython\n";
      }
      return 1;
    case Outcome::Identical:
      std::cout << "identical (plain): " << c.plain_lines << " lines\n";
      std::cout << "identical (--trace): " << c.trace_lines << " lines\n";
      return 0;
  }
  return 2;
}

}  // namespace loopscope::cli
