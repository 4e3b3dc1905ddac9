// The operator module: the operators as functions, and itemgetter,
// attrgetter, methodcaller (built-in callables carrying their arguments).

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

const char* name_of(BinOp op) {
  static const char* const names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod",
                                      "pow", "lshift", "rshift", "and_", "or_", "xor"};
  return names[static_cast<int>(op)];
}
const char* name_of(CmpOp op) {
  static const char* const names[] = {"eq", "ne", "lt", "le", "gt", "ge"};
  return names[static_cast<int>(op)];
}

template <BinOp Op>
Value binary_fn(Interp& in, const Value&, CallArgs& a) {
  expect_args(name_of(Op), a, 2, 2);
  return in.binary(Op, a.pos[0], a.pos[1]);
}

template <CmpOp Op>
Value compare_fn(Interp& in, const Value&, CallArgs& a) {
  expect_args(name_of(Op), a, 2, 2);
  return in.compare(Op, a.pos[0], a.pos[1]);
}

template <UnOp Op>
Value unary_fn(Interp& in, const Value&, CallArgs& a) {
  check_args("operator", a, 1, 1);
  return in.unary(Op, a.pos[0]);
}

Value o_truth(Interp& in, const Value&, CallArgs& a) {
  check_args("truth", a, 1, 1);
  return Value::boolean(in.truthy(a.pos[0]));
}
Value o_is(Interp&, const Value&, CallArgs& a) {
  expect_args("is_", a, 2, 2);
  return Value::boolean(a.pos[0].identical(a.pos[1]));
}
Value o_is_not(Interp&, const Value&, CallArgs& a) {
  expect_args("is_not", a, 2, 2);
  return Value::boolean(!a.pos[0].identical(a.pos[1]));
}
Value o_contains(Interp& in, const Value&, CallArgs& a) {
  expect_args("contains", a, 2, 2);
  return Value::boolean(in.contains(a.pos[0], a.pos[1]));
}
Value o_getitem(Interp& in, const Value&, CallArgs& a) {
  expect_args("getitem", a, 2, 2);
  return in.getitem(a.pos[0], a.pos[1]);
}
Value o_setitem(Interp& in, const Value&, CallArgs& a) {
  expect_args("setitem", a, 3, 3);
  in.setitem(a.pos[0], a.pos[1], a.pos[2]);
  return Value();
}
Value o_delitem(Interp& in, const Value&, CallArgs& a) {
  expect_args("delitem", a, 2, 2);
  in.delitem(a.pos[0], a.pos[1]);
  return Value();
}
Value o_abs(Interp& in, const Value&, CallArgs& a) {
  check_args("abs", a, 1, 1);
  return in.call(in.builtin("abs"), {a.pos[0]});
}
Value o_index(Interp&, const Value&, CallArgs& a) {
  check_args("index", a, 1, 1);
  if (a.pos[0].is_int()) return a.pos[0];
  if (a.pos[0].is_bool()) return Value::integer(a.pos[0].as_bool());
  type_error("'" + type_name(a.pos[0]) + "' object cannot be interpreted as an integer");
}

// itemgetter(k) / itemgetter(k1, k2, ...): self holds the keys.
Value call_itemgetter(Interp& in, const Value& self, CallArgs& a) {
  check_args("itemgetter", a, 1, 1);
  const auto& keys = self.as<TupleObj>()->items;
  if (keys.size() == 1) return in.getitem(a.pos[0], keys[0]);
  std::vector<Value> out;
  for (const Value& k : keys) out.push_back(in.getitem(a.pos[0], k));
  return Value::object(make<TupleObj>(std::move(out)));
}

Value dotted_getattr(Interp& in, Value v, const std::string& path) {
  size_t b = 0;
  for (;;) {
    size_t e = path.find('.', b);
    v = in.getattr(v, path.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) return v;
    b = e + 1;
  }
}

Value call_attrgetter(Interp& in, const Value& self, CallArgs& a) {
  check_args("attrgetter", a, 1, 1);
  const auto& names = self.as<TupleObj>()->items;
  if (names.size() == 1) return dotted_getattr(in, a.pos[0], names[0].as<StrObj>()->value);
  std::vector<Value> out;
  for (const Value& n : names) out.push_back(dotted_getattr(in, a.pos[0], n.as<StrObj>()->value));
  return Value::object(make<TupleObj>(std::move(out)));
}

// methodcaller: self is (name, args tuple, kwargs list of (key, value) tuples).
Value call_methodcaller(Interp& in, const Value& self, CallArgs& a) {
  check_args("methodcaller", a, 1, 1);
  const auto& parts = self.as<TupleObj>()->items;
  CallArgs call;
  call.pos = parts[1].as<TupleObj>()->items;
  for (const Value& kv : parts[2].as<TupleObj>()->items) {
    const auto& p = kv.as<TupleObj>()->items;
    call.kw.emplace_back(p[0].as<StrObj>()->value, p[1]);
  }
  return in.call(in.getattr(a.pos[0], parts[0].as<StrObj>()->value), call);
}

Value o_itemgetter(Interp&, const Value&, CallArgs& a) {
  if (!a.kw.empty()) type_error("itemgetter() takes no keyword arguments");
  if (a.pos.empty()) type_error("itemgetter expected 1 argument, got 0");
  return Value::object(make<NativeObj>("itemgetter", call_itemgetter, Value::object(make<TupleObj>(a.pos))));
}

Value o_attrgetter(Interp&, const Value&, CallArgs& a) {
  if (!a.kw.empty()) type_error("attrgetter() takes no keyword arguments");
  if (a.pos.empty()) type_error("attrgetter expected 1 argument, got 0");
  for (const Value& v : a.pos)
    if (!v.is(ObjKind::Str)) type_error("attribute name must be a string");
  return Value::object(make<NativeObj>("attrgetter", call_attrgetter, Value::object(make<TupleObj>(a.pos))));
}

Value o_methodcaller(Interp&, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("methodcaller needs at least one argument, the method name");
  if (!a.pos[0].is(ObjKind::Str)) type_error("method name must be a string");
  std::vector<Value> kws;
  for (const auto& [k, v] : a.kw) kws.push_back(Value::object(make<TupleObj>(std::vector<Value>{str_value(k), v})));
  std::vector<Value> parts = {a.pos[0], Value::object(make<TupleObj>(std::vector<Value>(a.pos.begin() + 1, a.pos.end()))),
                              Value::object(make<TupleObj>(std::move(kws)))};
  return Value::object(make<NativeObj>("methodcaller", call_methodcaller, Value::object(make<TupleObj>(std::move(parts)))));
}

}  // namespace

Ref<ModuleObj> make_operator_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("operator");
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"add", binary_fn<BinOp::Add>}, {"sub", binary_fn<BinOp::Sub>}, {"mul", binary_fn<BinOp::Mul>},
      {"truediv", binary_fn<BinOp::Div>}, {"floordiv", binary_fn<BinOp::FloorDiv>}, {"mod", binary_fn<BinOp::Mod>},
      {"pow", binary_fn<BinOp::Pow>}, {"lshift", binary_fn<BinOp::LShift>}, {"rshift", binary_fn<BinOp::RShift>},
      {"and_", binary_fn<BinOp::BitAnd>}, {"or_", binary_fn<BinOp::BitOr>}, {"xor", binary_fn<BinOp::BitXor>},
      {"concat", binary_fn<BinOp::Add>}, {"eq", compare_fn<CmpOp::Eq>}, {"ne", compare_fn<CmpOp::NotEq>},
      {"lt", compare_fn<CmpOp::Lt>}, {"le", compare_fn<CmpOp::LtE>}, {"gt", compare_fn<CmpOp::Gt>},
      {"ge", compare_fn<CmpOp::GtE>}, {"neg", unary_fn<UnOp::Neg>}, {"pos", unary_fn<UnOp::Pos>},
      {"not_", unary_fn<UnOp::Not>}, {"invert", unary_fn<UnOp::Invert>}, {"inv", unary_fn<UnOp::Invert>},
      {"truth", o_truth}, {"is_", o_is}, {"is_not", o_is_not}, {"contains", o_contains},
      {"getitem", o_getitem}, {"setitem", o_setitem}, {"delitem", o_delitem}, {"abs", o_abs},
      {"index", o_index}, {"itemgetter", o_itemgetter}, {"attrgetter", o_attrgetter},
      {"methodcaller", o_methodcaller},
  };
  for (const Fn& f : fns) add_function(*m, f.name, f.fn);
  return m;
}

}  // namespace loopscope::script
