#pragma once
// How values, exceptions and actors are written into trace events
// (the V, Exc and WHO grammars of TRACE_FORMAT.md).

#include <string>

#include "engine/object/exception.hpp"

namespace loopscope {

// V: repr of simple values (cut to 60 characters), containers of them,
// a task's name or F#n for futures, <Exc: msg> for exceptions, <TypeName>
// for anything else.
std::string trace_value(const Value& v);
// Exc: the unqualified type name, then ": msg" when str(exc) is not empty.
std::string trace_exc(const ExceptionObj* e);
// The same time format every trace line uses.
std::string trace_time(double t);

}  // namespace loopscope
