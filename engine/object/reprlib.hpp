#pragma once
// reprlib.repr(x) with the module's default limits: what a Future's repr
// shows for its result (`<Future finished result=...>`).

#include <string>

#include "engine/object/value.hpp"

namespace loopscope {

std::string reprlib_repr(const Value& v);

}  // namespace loopscope
