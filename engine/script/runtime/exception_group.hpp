#pragma once
// ExceptionGroup and BaseExceptionGroup made from Python:
// `ExceptionGroup(msg, excs)` (checked as CPython checks it; a
// BaseExceptionGroup of Exceptions is an ExceptionGroup), and the methods
// split, subgroup and derive, and the `message` attribute.

#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

Value new_exception_group(Interp& in, const Ref<ClassObj>& cls, CallArgs& args);
void install_exception_group_methods();

// except* (the VM's ExcStarMatch and ExcStarPrep on the top of `stack`):
// [rest, type] -> [rest', match, matched?], where a naked exception that
// matches is wrapped in ExceptionGroup('', [exc]); and [orig, raised, rest]
// -> [exc, raise?], combining the unhandled rest with what the handlers
// raised (re-raised parts keep the original group's shape).
void except_star_match(Interp& in, std::vector<Value>& stack);
void except_star_prepare(Interp& in, std::vector<Value>& stack);

}  // namespace loopscope::script
