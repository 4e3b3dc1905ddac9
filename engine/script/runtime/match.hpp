#pragma once
// The run-time tests of `match` patterns, called by the code the compiler
// emits for a case (compiler/compiler_match.cpp). Each returns None when the
// subject does not match, else a list of the values the sub-patterns match.

#include "engine/object/value.hpp"

namespace loopscope::script {

enum class MatchHelper : uint8_t {
  Sequence,  // (subject, count, star index or -1) -> the items, the star's as a list
  Mapping,   // (subject, keys tuple, want rest) -> the values, then the rest dict
  Class,     // (subject, class, positional count, keyword names tuple) -> the attributes
};

// The helper as a callable value (a compile-time constant).
Value match_helper(MatchHelper h);

}  // namespace loopscope::script
