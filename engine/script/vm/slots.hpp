#pragma once
// __slots__ on user classes (defined in vm/classes.cpp): when every class of
// an instance's MRO declares __slots__ (none naming '__dict__'), the instance
// has no __dict__ and takes only the attributes its slots name.

#include <string>
#include <vector>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

bool instance_has_dict(Interp& in, const ClassObj* cls);
// The names the classes of `cls`'s MRO declare in __slots__ (kept out of __dict__).
std::vector<std::string> slot_names(Interp& in, const ClassObj* cls);
// Raises CPython's AttributeError when `name` may not be set on an instance
// of `cls` (`class_attr`: what the class has under that name, or null).
void check_slot_assignment(Interp& in, const ClassObj* cls, const std::string& name, const Value* class_attr);

}  // namespace loopscope::script
