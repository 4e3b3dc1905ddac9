#pragma once
// Private to the parser's own files (parser*.cpp): the limits they share.

#include <cstddef>

namespace loopscope::script {

constexpr size_t kMaxErrors = 25;
constexpr int kMaxNesting = 200;  // deeper expressions are refused, not a stack overflow

}  // namespace loopscope::script
