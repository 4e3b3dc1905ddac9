// ExceptionGroup construction, split/subgroup/derive.

#include "engine/script/runtime/exception_group.hpp"

#include <algorithm>
#include <functional>
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
  // Each part gets its own copy of a list or tuple of notes (a note
  // container of another type is not copied).
  auto notes = g->attrs.find("__notes__");
  if (notes != g->attrs.end() && (notes->second.is(ObjKind::List) || notes->second.is(ObjKind::Tuple))) {
    const std::vector<Value>& items = notes->second.is(ObjKind::List) ? notes->second.as<ListObj>()->items
                                                                       : notes->second.as<TupleObj>()->items;
    d->attrs["__notes__"] = Value::object(make<ListObj>(items));
  }
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

void check_star_type(const Value& t) {
  if (!t.is(ObjKind::Class) || !is_exception_class(t.as<ClassObj>())) {
    type_error("catching classes that do not inherit from BaseException is not allowed");
  }
}

bool same_traceback(const ExceptionObj* a, const ExceptionObj* b) {
  if (a->traceback.size() != b->traceback.size()) return false;
  for (size_t i = 0; i < a->traceback.size(); ++i) {
    const TracebackEntry &x = a->traceback[i], &y = b->traceback[i];
    if (x.file != y.file || x.line != y.line || x.function != y.function) return false;
  }
  return true;
}

// A part re-raised by a handler still carries the original's metadata (its
// own copy of the notes does not count, as in CPython 3.11).
bool same_metadata(const ExceptionObj* e, const ExceptionObj* orig) {
  return e->cause == orig->cause && e->context == orig->context && same_traceback(e, orig);
}

void collect_leaves(const ExceptionObj* e, std::vector<const ExceptionObj*>& out) {
  if (!is_exc(e, Exc::BaseExceptionGroup)) {
    out.push_back(e);
    return;
  }
  for (const Ref<ExceptionObj>& m : e->exceptions) collect_leaves(m.get(), out);
}

// The part of `orig` whose leaves are leaves of `keep`, in orig's shape.
Ref<ExceptionObj> project(const Ref<ExceptionObj>& orig, const std::vector<Ref<ExceptionObj>>& keep) {
  std::vector<const ExceptionObj*> leaves;
  for (const Ref<ExceptionObj>& k : keep) collect_leaves(k.get(), leaves);
  if (leaves.empty()) return nullptr;
  std::function<Ref<ExceptionObj>(const Ref<ExceptionObj>&)> walk = [&](const Ref<ExceptionObj>& g) {
    if (!is_exc(g.get(), Exc::BaseExceptionGroup)) {
      return std::find(leaves.begin(), leaves.end(), g.get()) != leaves.end() ? g : Ref<ExceptionObj>();
    }
    std::vector<Ref<ExceptionObj>> members;
    for (const Ref<ExceptionObj>& m : g->exceptions) {
      if (Ref<ExceptionObj> p = walk(m)) members.push_back(p);
    }
    return members.empty() ? Ref<ExceptionObj>() : derive_like(g, std::move(members));
  };
  return walk(orig);
}

}  // namespace

void except_star_match(Interp& in, std::vector<Value>& stack) {
  Value type = stack.back();
  stack.pop_back();
  if (type.is(ObjKind::Tuple)) {
    for (const Value& t : type.as<TupleObj>()->items) check_star_type(t);
  } else {
    check_star_type(type);
  }
  auto is_group_class = [](const Value& t) {
    return t.is(ObjKind::Class) && t.as<ClassObj>()->is_subclass_of(exc_class(Exc::BaseExceptionGroup));
  };
  bool group = is_group_class(type);
  if (type.is(ObjKind::Tuple)) {
    for (const Value& t : type.as<TupleObj>()->items) group = group || is_group_class(t);
  }
  if (group) type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
  Value rest = stack.back();
  Ref<ExceptionObj> match, left;
  if (!rest.is_none()) {
    Ref<ExceptionObj> e(rest.as<ExceptionObj>());
    if (in.isinstance(rest, type) && !is_exc(e.get(), Exc::BaseExceptionGroup)) {
      match = make_group(Ref<ClassObj>(exc_class(Exc::BaseExceptionGroup)), "", {e});
      match->args[1] = Value::object(make<TupleObj>(std::vector<Value>{rest}));  // CPython passes a tuple
      match->traceback = e->traceback;
    } else if (is_exc(e.get(), Exc::BaseExceptionGroup)) {
      split_into(in, e, type, match, left);
    } else {
      left = e;
    }
  }
  stack.back() = Value::object(left);
  stack.push_back(Value::object(match));
  stack.push_back(Value::boolean(static_cast<bool>(match)));
}

void except_star_prepare(Interp&, std::vector<Value>& stack) {
  Value rest = stack.back();
  stack.pop_back();
  std::vector<Value> excs = stack.back().as<ListObj>()->items;
  stack.pop_back();
  Ref<ExceptionObj> orig(stack.back().as<ExceptionObj>());
  stack.pop_back();
  if (!rest.is_none()) excs.push_back(rest);
  Ref<ExceptionObj> result;
  if (!excs.empty() && !is_exc(orig.get(), Exc::BaseExceptionGroup)) {
    result = Ref<ExceptionObj>(excs[0].as<ExceptionObj>());  // a naked exception: one handler ran at most
  } else if (!excs.empty()) {
    std::vector<Ref<ExceptionObj>> raised, reraised;
    for (const Value& v : excs) {
      Ref<ExceptionObj> e(v.as<ExceptionObj>());
      (same_metadata(e.get(), orig.get()) ? reraised : raised).push_back(e);
    }
    Ref<ExceptionObj> kept = project(orig, reraised);
    if (kept) raised.push_back(kept);
    if (raised.size() == 1) result = raised[0];
    else if (raised.size() > 1) result = make_group(Ref<ClassObj>(exc_class(Exc::BaseExceptionGroup)), "", raised);
  }
  stack.push_back(Value::object(result));
  stack.push_back(Value::boolean(static_cast<bool>(result)));
}

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
  for (ClassObj* type : {exc_class(Exc::ExceptionGroup), exc_class(Exc::BaseExceptionGroup)}) {
    register_methods(type, {{"split", eg_split}, {"subgroup", eg_subgroup}, {"derive", eg_derive}});
    register_properties(type, {{"message", [](Interp&, const Value& s) { return str_value(group_message(s.as<ExceptionObj>())); }}});
  }
}

}  // namespace loopscope::script
