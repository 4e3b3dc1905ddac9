#pragma once
// The json module, split by direction: json_encode.cpp (dumps, and the
// module table) and json_decode.cpp (loads, JSONDecodeError).

#include "engine/script/modules/args.hpp"

namespace loopscope::script::json {

Value dumps(Interp& in, const Value&, CallArgs& a);
Value loads(Interp& in, const Value&, CallArgs& a);
Value dump(Interp& in, const Value&, CallArgs& a);
Value load(Interp& in, const Value&, CallArgs& a);
// json.JSONDecodeError, a ValueError (one class per run, kept in the module).
Ref<ClassObj> make_decode_error_class();

}  // namespace loopscope::script::json
