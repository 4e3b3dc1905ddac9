// The special methods of str, int and float as methods (str.__repr__,
// int.__add__, float.__format__, ...): what super().__add__(other) and
// str.__repr__(self) reach from a user subclass, and what an instance of
// an int or float subclass falls back to. Each runs the built-in operation
// on the plain value, so a subclass's own override is never re-entered;
// an operand of the wrong type gives NotImplemented, as CPython's do.

#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

Value plain_arg(const char* name, CallArgs& a) {
  check_args(name, a, 1, 1);
  return plain_value(a.pos[0]);
}

// The binary operation on the plain values; a TypeError (an operand of
// another type) is NotImplemented.
Value try_binary(Interp& in, BinOp op, const Value& x, const Value& y) {
  try {
    return in.binary(op, x, y);
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::TypeError)) return not_implemented_value();
    throw;
  }
}

template <BinOp op>
Value d_binary(Interp& in, const Value& self, CallArgs& a) {
  return try_binary(in, op, plain_value(self), plain_arg("operator", a));
}
template <BinOp op>
Value d_reflected(Interp& in, const Value& self, CallArgs& a) {
  return try_binary(in, op, plain_arg("operator", a), plain_value(self));
}
template <CmpOp op>
Value d_compare(Interp& in, const Value& self, CallArgs& a) {
  Value x = plain_value(self), y = plain_arg("comparison", a);
  if (op == CmpOp::Eq || op == CmpOp::NotEq) {
    bool same_kind = (is_number(x) && is_number(y)) || (x.is(ObjKind::Str) && y.is(ObjKind::Str));
    if (!same_kind) return not_implemented_value();
    return Value::boolean(in.eq(x, y) == (op == CmpOp::Eq));
  }
  try {
    return in.compare(op, x, y);
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::TypeError)) return not_implemented_value();
    throw;
  }
}
template <UnOp op>
Value d_unary(Interp& in, const Value& self, CallArgs& a) {
  check_args("operator", a, 0, 0);
  return in.unary(op, plain_value(self));
}

Value d_repr(Interp& in, const Value& self, CallArgs& a) {
  check_args("__repr__", a, 0, 0);
  return str_value(in.repr_builtin(plain_value(self)));
}
Value d_str(Interp& in, const Value& self, CallArgs& a) {
  check_args("__str__", a, 0, 0);
  return str_value(in.str(plain_value(self)));
}
Value d_hash(Interp&, const Value& self, CallArgs& a) {
  check_args("__hash__", a, 0, 0);
  return Value::integer(static_cast<int64_t>(hash_value(plain_value(self))));
}
Value d_format(Interp& in, const Value& self, CallArgs& a) {
  check_args("__format__", a, 1, 1);
  return str_value(in.format(plain_value(self), as_str(a.pos[0], "format_spec")));
}
Value d_bool(Interp& in, const Value& self, CallArgs& a) {
  check_args("__bool__", a, 0, 0);
  return Value::boolean(in.truthy(plain_value(self)));
}
Value d_len(Interp& in, const Value& self, CallArgs& a) {
  check_args("__len__", a, 0, 0);
  return Value::integer(in.len_builtin(plain_value(self)));
}
Value d_getitem(Interp& in, const Value& self, CallArgs& a) {
  return in.getitem_builtin(plain_value(self), plain_arg("__getitem__", a));
}
Value d_contains(Interp& in, const Value& self, CallArgs& a) {
  return Value::boolean(in.contains_builtin(plain_value(self), plain_arg("__contains__", a)));
}
Value d_int(Interp& in, const Value& self, CallArgs& a) {
  check_args("__int__", a, 0, 0);
  return in.call(in.builtin("int"), std::vector<Value>{plain_value(self)});
}
Value d_float(Interp&, const Value& self, CallArgs& a) {
  check_args("__float__", a, 0, 0);
  return Value::real(to_float(plain_value(self), "__float__"));
}
Value d_abs(Interp& in, const Value& self, CallArgs& a) {
  check_args("__abs__", a, 0, 0);
  Value v = plain_value(self);
  return in.truthy(in.compare(CmpOp::Lt, v, Value::integer(0))) ? in.unary(UnOp::Neg, v) : in.unary(UnOp::Pos, v);
}
Value d_index(Interp&, const Value& self, CallArgs& a) {
  check_args("__index__", a, 0, 0);
  return Value::integer(to_int(plain_value(self), "__index__"));
}

}  // namespace

void install_value_dunders() {
  const std::initializer_list<std::pair<const char*, NativeFn>> common = {
      {"__repr__", d_repr}, {"__str__", d_str}, {"__hash__", d_hash}, {"__format__", d_format},
      {"__eq__", d_compare<CmpOp::Eq>}, {"__ne__", d_compare<CmpOp::NotEq>}, {"__lt__", d_compare<CmpOp::Lt>},
      {"__le__", d_compare<CmpOp::LtE>}, {"__gt__", d_compare<CmpOp::Gt>}, {"__ge__", d_compare<CmpOp::GtE>},
      {"__add__", d_binary<BinOp::Add>}, {"__mul__", d_binary<BinOp::Mul>}, {"__mod__", d_binary<BinOp::Mod>},
      {"__rmul__", d_reflected<BinOp::Mul>}};
  const std::initializer_list<std::pair<const char*, NativeFn>> number = {
      {"__radd__", d_reflected<BinOp::Add>}, {"__sub__", d_binary<BinOp::Sub>},
      {"__rsub__", d_reflected<BinOp::Sub>}, {"__truediv__", d_binary<BinOp::Div>},
      {"__rtruediv__", d_reflected<BinOp::Div>}, {"__floordiv__", d_binary<BinOp::FloorDiv>},
      {"__rfloordiv__", d_reflected<BinOp::FloorDiv>}, {"__rmod__", d_reflected<BinOp::Mod>},
      {"__pow__", d_binary<BinOp::Pow>}, {"__rpow__", d_reflected<BinOp::Pow>},
      {"__neg__", d_unary<UnOp::Neg>}, {"__pos__", d_unary<UnOp::Pos>}, {"__abs__", d_abs},
      {"__bool__", d_bool}, {"__int__", d_int}, {"__float__", d_float}};
  const std::initializer_list<std::pair<const char*, NativeFn>> integer = {
      {"__index__", d_index}, {"__invert__", d_unary<UnOp::Invert>},
      {"__and__", d_binary<BinOp::BitAnd>}, {"__rand__", d_reflected<BinOp::BitAnd>},
      {"__or__", d_binary<BinOp::BitOr>}, {"__ror__", d_reflected<BinOp::BitOr>},
      {"__xor__", d_binary<BinOp::BitXor>}, {"__rxor__", d_reflected<BinOp::BitXor>},
      {"__lshift__", d_binary<BinOp::LShift>}, {"__rshift__", d_binary<BinOp::RShift>}};
  for (BuiltinType t : {BuiltinType::Str, BuiltinType::Int, BuiltinType::Float}) register_methods(builtin_class(t), common);
  for (BuiltinType t : {BuiltinType::Int, BuiltinType::Float}) register_methods(builtin_class(t), number);
  register_methods(builtin_class(BuiltinType::Int), integer);
  register_methods(builtin_class(BuiltinType::Str), {{"__len__", d_len}, {"__getitem__", d_getitem}, {"__contains__", d_contains}});
}

}  // namespace loopscope::script
