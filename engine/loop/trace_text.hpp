#pragma once
// How values, exceptions and actors are written into trace events
// (the V, Exc and WHO grammars of TRACE_FORMAT.md).

#include <string>

#include "engine/object/exception.hpp"

namespace loopscope {

// V: the complete rendering (repr of simple values, lists, tuples, dicts
// in insertion order, sets sorted, a task's name or F#n for futures,
// <Exc: msg> for exceptions, <TypeName> for anything else), cut to 57 code
// points + "..." when longer than 60 code points (never inside a UTF-8
// sequence).
std::string trace_value(const Value& v);
// Exc: the unqualified type name, then ": msg" when str(exc) is not empty
// (backslashes, newlines and carriage returns escaped).
std::string trace_exc(const ExceptionObj* e);
// The same time format every trace line uses.
std::string trace_time(double t);

}  // namespace loopscope
