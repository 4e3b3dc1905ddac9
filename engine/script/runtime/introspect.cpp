// dir(obj), globals() and the slice type: the names a program asks an object or its module
// for. dir() lists, sorted, an object's own attributes, its class's (and
// their bases', through the MRO) and what every object has from `object`;
// of a module, its names. globals() gives a dict of the running code's
// module names (a copy: assigning into it does not define a name).

#include <set>
#include <typeinfo>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

// What dir(object()) lists in CPython 3.11.
constexpr const char* kObjectNames[] = {
    "__class__",   "__delattr__", "__dir__",      "__doc__",          "__eq__",        "__format__",
    "__ge__",      "__getattribute__", "__getstate__", "__gt__",     "__hash__",      "__init__",
    "__init_subclass__", "__le__", "__lt__",       "__ne__",           "__new__",       "__reduce__",
    "__reduce_ex__", "__repr__",  "__setattr__",  "__sizeof__",       "__str__",       "__subclasshook__",
};

bool hidden(const std::string& name) { return name == "__user__"; }

void add_class_names(const ClassObj* cls, std::set<std::string>& out) {
  for (const ClassObj* c : cls->mro()) {
    for (const auto& [name, v] : c->attrs)
      if (!hidden(name)) out.insert(name);
    if (c->native) {
      for (const auto& [name, fn] : c->native->methods) out.insert(name);
      for (const auto& [name, fn] : c->native->properties) out.insert(name);
    }
    if (c->attrs.count("__user__")) {
      for (const char* n : {"__dict__", "__module__", "__weakref__", "__doc__"}) out.insert(n);
    }
  }
  for (const char* n : kObjectNames) out.insert(n);
}

Value b_dir(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("dir() without an argument is not supported");
  check_args("dir", a, 1, 1);
  const Value& v = a.pos[0];
  std::set<std::string> names;
  if (v.obj() && typeid(*v.obj()) == typeid(ModuleObj)) {
    for (const auto& [name, value] : v.as<ModuleObj>()->globals) names.insert(name);
    for (const char* n : {"__doc__", "__loader__", "__name__", "__package__", "__spec__"}) names.insert(n);
  } else if (v.is(ObjKind::Class)) {
    add_class_names(v.as<ClassObj>(), names);
  } else {
    if (v.is(ObjKind::Instance)) {
      for (const auto& [name, value] : v.as<InstanceObj>()->attrs) names.insert(name);
    }
    add_class_names(class_of(v), names);
  }
  (void)in;
  std::vector<Value> out;
  for (const std::string& n : names) out.push_back(str_value(n));
  return Value::object(make<ListObj>(std::move(out)));
}

Value b_globals(Interp& in, const Value&, CallArgs& a) {
  check_args("globals", a, 0, 0);
  ModuleObj* m = in.frames().empty() ? in.main_module() : in.frames().back()->module;
  Ref<DictObj> d = make<DictObj>();
  d->table.set(str_value("__name__"), str_value(m == in.main_module() ? "__main__" : m->name));
  for (const std::string& name : m->order) {
    auto it = m->globals.find(name);
    if (it != m->globals.end()) d->table.set(str_value(name), it->second);
  }
  return Value::object(d);
}

// slice(stop), slice(start, stop[, step]).
Value c_slice(Interp&, const Value&, CallArgs& a) {
  check_args("slice", a, 1, 3);
  if (a.pos.size() == 1) return Value::object(make<SliceObj>(Value(), a.pos[0], Value()));
  return Value::object(make<SliceObj>(a.pos[0], a.pos[1], a.pos.size() == 3 ? a.pos[2] : Value()));
}

// slice.indices(length): (start, stop, step) clipped to a sequence of that length.
Value slice_indices(Interp&, const Value& self, CallArgs& a) {
  check_args("indices", a, 1, 1);
  auto* s = self.as<SliceObj>();
  int64_t n = to_int(a.pos[0], "length");
  if (n < 0) value_error("length should not be negative");
  int64_t step = s->step.is_none() ? 1 : to_int(s->step, "slice step");
  if (step == 0) value_error("slice step cannot be zero");
  int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? n - 1 : n;
  auto clip = [&](const Value& v, int64_t absent) {
    if (v.is_none()) return absent;
    int64_t x = to_int(v, "slice index");
    if (x < 0) x += n;
    return x < lower ? lower : x > upper ? upper : x;
  };
  int64_t start = clip(s->start, step < 0 ? upper : lower), stop = clip(s->stop, step < 0 ? lower : upper);
  return Value::object(make<TupleObj>(std::vector<Value>{Value::integer(start), Value::integer(stop), Value::integer(step)}));
}

}  // namespace

// BaseException.add_note(note): appends to __notes__ (3.11), which
// tracebacks print after the exception's line.
Value exc_add_note(Interp&, const Value& self, CallArgs& a) {
  check_args("add_note", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Str)) type_error("note must be a str, not '" + type_name(a.pos[0]) + "'");
  auto& attrs = self.as<ExceptionObj>()->attrs;
  Value& notes = attrs["__notes__"];
  if (!notes.is(ObjKind::List)) notes = Value::object(make<ListObj>());
  notes.as<ListObj>()->items.push_back(a.pos[0]);
  return Value();
}

void install_introspection(Interp& in) {
  ClassObj* slice = builtin_class(BuiltinType::Slice);
  register_constructor(slice, c_slice);
  register_properties(slice, {
      {"start", [](Interp&, const Value& s) { return s.as<SliceObj>()->start; }},
      {"stop", [](Interp&, const Value& s) { return s.as<SliceObj>()->stop; }},
      {"step", [](Interp&, const Value& s) { return s.as<SliceObj>()->step; }},
  });
  register_methods(slice, {{"indices", slice_indices}});
  in.define_builtin("slice", Value::object(slice));
  in.define_builtin("dir", Value::object(make<NativeObj>("dir", b_dir)));
  in.define_builtin("globals", Value::object(make<NativeObj>("globals", b_globals)));
}

}  // namespace loopscope::script
