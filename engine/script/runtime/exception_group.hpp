#pragma once
// ExceptionGroup and BaseExceptionGroup made from Python:
// `ExceptionGroup(msg, excs)` (checked as CPython checks it; a
// BaseExceptionGroup of Exceptions is an ExceptionGroup), and the methods
// split, subgroup and derive, and the `message` attribute.

#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

Value new_exception_group(Interp& in, const Ref<ClassObj>& cls, CallArgs& args);
void install_exception_group_methods();

}  // namespace loopscope::script
