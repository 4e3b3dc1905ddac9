#pragma once
// Argument checks the standard-library modules share, with CPython's
// messages for the argument-clinic style ("f expected 2 arguments, got 1").

#include <string>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

// "NAME expected N arguments, got M" (CPython's METH_FASTCALL functions).
void expect_args(const char* name, const CallArgs& a, size_t min, size_t max);
// "NAME() missing required argument 'ARG' (pos N)" when fewer than n are given.
void require_positional(const char* name, const CallArgs& a, std::initializer_list<const char*> names);
// The list argument of a function that mutates it in place:
// "NAME() argument 1 must be list, not TYPE".
ListObj& list_arg(const Value& v, const char* name);
// The value of keyword `name`, or `fallback` (positional index `pos` first when given).
Value arg_or(const CallArgs& a, size_t pos, const char* name, Value fallback);
// Rejects keywords not in `allowed`: "NAME() got an unexpected keyword argument 'K'".
void allow_keywords(const char* name, const CallArgs& a, std::initializer_list<const char*> allowed);

}  // namespace loopscope::script
