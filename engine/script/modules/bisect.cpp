// The bisect module: binary search on sorted sequences, with key=.

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

struct Search {
  Value seq, x, key;
  int64_t lo = 0, hi = -1;
};

Search parse(Interp& in, const char* name, CallArgs& a) {
  allow_keywords(name, a, {"a", "x", "lo", "hi", "key"});
  if (a.pos.size() > 4) type_error(std::string(name) + "() takes at most 4 positional arguments (" + std::to_string(a.pos.size()) + " given)");
  require_positional(name, a, {"a", "x"});
  Search s;
  s.seq = arg_or(a, 0, "a", Value());
  s.x = arg_or(a, 1, "x", Value());
  s.lo = to_int(arg_or(a, 2, "lo", Value::integer(0)), "lo");
  Value hi = arg_or(a, 3, "hi", Value());
  s.key = arg_or(a, 99, "key", Value());
  if (s.lo < 0) value_error("lo must be non-negative");
  s.hi = hi.is_none() ? in.len(s.seq) : to_int(hi, "hi");
  return s;
}

int64_t search(Interp& in, Search& s, bool right) {
  Value x = s.x;
  int64_t lo = s.lo, hi = s.hi;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    Value item = in.getitem(s.seq, Value::integer(mid));
    if (!s.key.is_none()) item = in.call(s.key, {item});
    bool go_left = right ? in.less(x, item) : !in.less(item, x);
    if (go_left) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

Value bisect_left(Interp& in, const Value&, CallArgs& a) {
  Search s = parse(in, "bisect_left", a);
  return Value::integer(search(in, s, false));
}
Value bisect_right(Interp& in, const Value&, CallArgs& a) {
  Search s = parse(in, "bisect_right", a);
  return Value::integer(search(in, s, true));
}

Value insort(Interp& in, CallArgs& a, const char* name, bool right) {
  Search s = parse(in, name, a);
  Value item = s.x;
  if (!s.key.is_none()) s.x = in.call(s.key, {item});
  int64_t at = search(in, s, right);
  Value insert = in.getattr(s.seq, "insert");
  in.call(insert, {Value::integer(at), item});
  return Value();
}
Value insort_left(Interp& in, const Value&, CallArgs& a) { return insort(in, a, "insort_left", false); }
Value insort_right(Interp& in, const Value&, CallArgs& a) { return insort(in, a, "insort_right", true); }

}  // namespace

Ref<ModuleObj> make_bisect_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("bisect");
  add_function(*m, "bisect_left", bisect_left);
  add_function(*m, "bisect_right", bisect_right);
  add_function(*m, "bisect", bisect_right);
  add_function(*m, "insort_left", insort_left);
  add_function(*m, "insort_right", insort_right);
  add_function(*m, "insort", insort_right);
  return m;
}

}  // namespace loopscope::script
