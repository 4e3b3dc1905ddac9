// ExceptionGroup construction, split/subgroup/derive.

#include "engine/script/runtime/exception_group.hpp"

#include <typeinfo>

#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

ExceptionObj* self_group(const Value& self) { return self.as<ExceptionObj>(); }

// BaseExceptionGroup(msg, excs) as CPython makes it: the class becomes
// ExceptionGroup when every member is an Exception.
Ref<ExceptionObj> make_group(Ref<ClassObj> cls, const std::string& msg, std::vector<Ref<ExceptionObj>> members) {
  bool all_exceptions = true;
  for (const Ref<ExceptionObj>& e : members) all_exceptions = all_exceptions && is_exc(e.get(), Exc::Exception);
  if (cls.get() == exc_class(Exc::BaseExceptionGroup) && all_exceptions) cls = Ref<ClassObj>(exc_class(Exc::ExceptionGroup));
  if (!all_exceptions && cls->is_subclass_of(exc_class(Exc::ExceptionGroup))) {
    type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  }
  std::vector<Value> items;
  for (const Ref<ExceptionObj>& e : members) items.push_back(Value::object(e));
  Ref<ExceptionObj> g = make<ExceptionObj>(cls, std::vector<Value>{str_value(msg), Value::object(make<ListObj>(items))});
  g->exceptions = std::move(members);
  return g;
}

std::string group_message(const ExceptionObj* g) {
  return !g->args.empty() && g->args[0].is(ObjKind::Str) ? g->args[0].as<StrObj>()->value : std::string();
}

// The condition of split/subgroup: a type, a tuple of types, or a predicate.
bool matches(Interp& in, const Value& cond, const Ref<ExceptionObj>& e) {
  if (cond.is(ObjKind::Class) || cond.is(ObjKind::Tuple)) return in.isinstance(Value::object(e), cond);
  return in.truthy(in.call(cond, std::vector<Value>{Value::object(e)}));
}

Value check_condition(const Value& cond) {
  Object* o = cond.obj();
  if (cond.is(ObjKind::Class) || cond.is(ObjKind::Tuple) || (o && o->kind() == ObjKind::Function) ||
      cond.is(ObjKind::Instance) || (o && typeid(*o) == typeid(BoundMethodObj))) {
    return cond;
  }
  type_error("expected a function, exception type or tuple of exception types");
}

// A derived group keeps the original's cause, context and traceback.
Ref<ExceptionObj> derive_like(const Ref<ExceptionObj>& g, std::vector<Ref<ExceptionObj>> members) {
  Ref<ExceptionObj> d = make_group(Ref<ClassObj>(exc_class(Exc::BaseExceptionGroup)), group_message(g.get()), std::move(members));
  d->cause = g->cause;
  d->context = g->context;
  d->suppress_context = g->suppress_context;
  d->traceback = g->traceback;
  return d;
}

void split_into(Interp& in, const Ref<ExceptionObj>& g, const Value& cond, Ref<ExceptionObj>& match,
                Ref<ExceptionObj>& rest) {
  if (matches(in, cond, g)) {
    match = g;
    return;
  }
  if (!is_exc(g.get(), Exc::BaseExceptionGroup)) {
    rest = g;
    return;
  }
  std::vector<Ref<ExceptionObj>> m, r;
  for (const Ref<ExceptionObj>& e : g->exceptions) {
    Ref<ExceptionObj> em, er;
    split_into(in, e, cond, em, er);
    if (em) m.push_back(em);
    if (er) r.push_back(er);
  }
  if (!m.empty()) match = derive_like(g, std::move(m));
  if (!r.empty()) rest = derive_like(g, std::move(r));
}

Value eg_split(Interp& in, const Value& self, CallArgs& a) {
  check_args("split", a, 1, 1);
  Ref<ExceptionObj> match, rest;
  split_into(in, Ref<ExceptionObj>(self_group(self)), check_condition(a.pos[0]), match, rest);
  return Value::object(make<TupleObj>(std::vector<Value>{Value::object(match), Value::object(rest)}));
}

Value eg_subgroup(Interp& in, const Value& self, CallArgs& a) {
  check_args("subgroup", a, 1, 1);
  Ref<ExceptionObj> match, rest;
  split_into(in, Ref<ExceptionObj>(self_group(self)), check_condition(a.pos[0]), match, rest);
  return Value::object(match);
}

std::vector<Ref<ExceptionObj>> members_of(Interp& in, const Value& seq) {
  if (!seq.is(ObjKind::List) && !seq.is(ObjKind::Tuple)) {
    type_error("second argument (exceptions) must be a sequence");
  }
  std::vector<Ref<ExceptionObj>> out;
  std::vector<Value> items = in.to_vector(seq);
  if (items.empty()) value_error("second argument (exceptions) must be a non-empty sequence");
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is(ObjKind::Exception)) value_error("Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    out.emplace_back(items[i].as<ExceptionObj>());
  }
  return out;
}

Value eg_derive(Interp& in, const Value& self, CallArgs& a) {
  check_args("derive", a, 1, 1);
  return Value::object(make_group(Ref<ClassObj>(exc_class(Exc::BaseExceptionGroup)), group_message(self_group(self)),
                                  members_of(in, a.pos[0])));
}

}  // namespace

Value new_exception_group(Interp& in, const Ref<ClassObj>& cls, CallArgs& args) {
  if (!args.kw.empty()) type_error(cls->name + "() takes no keyword arguments");
  if (args.pos.size() != 2) {
    type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(args.pos.size()) + " given)");
  }
  if (!args.pos[0].is(ObjKind::Str)) type_error("BaseExceptionGroup.__new__() argument 1 must be str, not " + type_name(args.pos[0]));
  Ref<ExceptionObj> g = make_group(cls, args.pos[0].as<StrObj>()->value, members_of(in, args.pos[1]));
  g->args[1] = args.pos[1];
  return Value::object(g);
}

void install_exception_group_methods() {
  for (const char* type : {"ExceptionGroup", "BaseExceptionGroup"}) {
    register_methods(type, {{"split", eg_split}, {"subgroup", eg_subgroup}, {"derive", eg_derive}});
    register_properties(type, {{"message", [](Interp&, const Value& s) { return str_value(group_message(s.as<ExceptionObj>())); }}});
  }
}

}  // namespace loopscope::script
