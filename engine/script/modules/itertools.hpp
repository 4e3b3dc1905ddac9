#pragma once
// The itertools module, split by concern: itertools.cpp (infinite,
// terminating and grouping iterators, the module table) and
// itertools_combinatorics.cpp (product, permutations, combinations).

#include "engine/script/modules/args.hpp"

namespace loopscope::script::itertools {

Value product(Interp& in, const Value&, CallArgs& a);
Value permutations(Interp& in, const Value&, CallArgs& a);
Value combinations(Interp& in, const Value&, CallArgs& a);
Value combinations_with_replacement(Interp& in, const Value&, CallArgs& a);

inline Value iterator(const char* type, IterObj::Next next) { return Value::object(make<IterObj>(type, std::move(next))); }
inline Value tuple_of(std::vector<Value> items) { return Value::object(make<TupleObj>(std::move(items))); }

}  // namespace loopscope::script::itertools
