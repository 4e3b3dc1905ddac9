#pragma once
// functools.partial as other modules see it (asyncio shows a partial
// callback as the function it wraps, with its stored arguments).

#include <string>
#include <utility>
#include <vector>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

struct PartialParts {
  Value func;
  std::vector<Value> args;
  std::vector<std::pair<std::string, Value>> keywords;
};

// True when `fn` is a functools.partial; fills `out` with its parts.
bool partial_parts(const Value& fn, PartialParts& out);

}  // namespace loopscope::script
