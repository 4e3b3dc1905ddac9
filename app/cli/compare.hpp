#pragma once
// Comparing two transcripts: the first line where they part.

#include <string>
#include <vector>

namespace loopscope::cli {

struct Difference {
  bool found = false;
  size_t line = 0;                   // 1-based
  std::vector<std::string> context;  // the equal lines just before it
  std::string ours, theirs;
};

Difference first_difference(const std::string& ours, const std::string& theirs, size_t context);

}  // namespace loopscope::cli
