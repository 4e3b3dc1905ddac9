// The run-time side of `match`: is the subject a sequence, a mapping, an
// instance of the class, and the values its sub-patterns look at.

#include "engine/script/runtime/match.hpp"

#include <typeinfo>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

// What CPython's Py_TPFLAGS_SEQUENCE marks among the types here: list,
// tuple, range (not str).
bool is_match_sequence(const Value& v) {
  if (v.is(ObjKind::List) || v.is(ObjKind::Tuple)) return true;
  return v.obj() && typeid(*v.obj()) == typeid(RangeObj);
}

Value match_sequence(Interp& in, const Value&, CallArgs& a) {
  const Value& subject = a.pos[0];
  if (!is_match_sequence(subject)) return Value();
  std::vector<Value> items = in.to_vector(subject);
  size_t count = static_cast<size_t>(a.pos[1].as_int());
  int64_t star = a.pos[2].as_int();
  if (star < 0) {
    if (items.size() != count) return Value();
    return Value::object(make<ListObj>(std::move(items)));
  }
  if (items.size() + 1 < count) return Value();
  size_t s = static_cast<size_t>(star), after = count - s - 1;
  std::vector<Value> out(items.begin(), items.begin() + static_cast<long>(s));
  std::vector<Value> middle(items.begin() + static_cast<long>(s), items.end() - static_cast<long>(after));
  out.push_back(Value::object(make<ListObj>(std::move(middle))));
  out.insert(out.end(), items.end() - static_cast<long>(after), items.end());
  return Value::object(make<ListObj>(std::move(out)));
}

Value match_mapping(Interp&, const Value&, CallArgs& a) {
  const Value& subject = a.pos[0];
  if (!subject.is(ObjKind::Dict)) return Value();
  auto& table = subject.as<DictObj>()->table;
  std::vector<Value> out;
  const auto& keys = a.pos[1].as<TupleObj>()->items;
  for (const Value& k : keys) {
    Value* v = table.get(k);
    if (!v) return Value();
    out.push_back(*v);
  }
  if (a.pos[2].as_bool()) {
    Ref<DictObj> rest = make<DictObj>();
    for (const auto& e : table.entries())
      if (e.live) rest->table.set(e.key, e.value);
    for (const Value& k : keys) rest->table.erase(k);
    out.push_back(Value::object(rest));
  }
  return Value::object(make<ListObj>(std::move(out)));
}

// int(x), str(x), ...: one positional sub-pattern matches the subject itself.
bool matches_self(const ClassObj* cls) {
  for (BuiltinType t : {BuiltinType::Bool, BuiltinType::Int, BuiltinType::Float, BuiltinType::Str, BuiltinType::List,
                        BuiltinType::Tuple, BuiltinType::Dict, BuiltinType::Set, BuiltinType::Bytes,
                        BuiltinType::ByteArray}) {
    if (cls == builtin_class(t)) return true;
  }
  return false;
}

std::string positional(size_t n) { return std::to_string(n) + " positional sub-pattern" + (n == 1 ? "" : "s"); }

Value match_class(Interp& in, const Value&, CallArgs& a) {
  const Value& subject = a.pos[0];
  if (!a.pos[1].is(ObjKind::Class)) type_error("called match pattern must be a type");
  auto* cls = a.pos[1].as<ClassObj>();
  size_t npos = static_cast<size_t>(a.pos[2].as_int());
  if (!in.isinstance(subject, a.pos[1])) return Value();
  std::vector<std::string> names;
  std::vector<Value> out;
  if (npos > 0 && matches_self(cls)) {
    if (npos > 1) type_error(cls->name + "() accepts " + positional(1) + " (" + std::to_string(npos) + " given)");
    out.push_back(subject);
  } else if (npos > 0) {
    Value args;
    if (in.lookup_attr(a.pos[1], "__match_args__", args)) {
      if (!args.is(ObjKind::Tuple)) type_error(cls->name + ".__match_args__ must be a tuple (got " + type_name(args) + ")");
      for (const Value& n : args.as<TupleObj>()->items) names.push_back(as_str(n, "__match_args__ elements"));
    }
    if (npos > names.size()) {
      type_error(cls->name + "() accepts " + positional(names.size()) + " (" + std::to_string(npos) + " given)");
    }
    names.resize(npos);
  }
  for (const Value& k : a.pos[3].as<TupleObj>()->items) names.push_back(k.as<StrObj>()->value);
  for (const std::string& n : names) {
    Value v;
    if (!in.lookup_attr(subject, n, v)) return Value();
    out.push_back(std::move(v));
  }
  return Value::object(make<ListObj>(std::move(out)));
}

}  // namespace

Value match_helper(MatchHelper h) {
  switch (h) {
    case MatchHelper::Sequence: return Value::object(make<NativeObj>("<match sequence>", match_sequence));
    case MatchHelper::Mapping: return Value::object(make<NativeObj>("<match mapping>", match_mapping));
    case MatchHelper::Class: break;
  }
  return Value::object(make<NativeObj>("<match class>", match_class));
}

}  // namespace loopscope::script
