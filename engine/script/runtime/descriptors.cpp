// property, classmethod and staticmethod, and the binding of class
// attributes read through an instance or a class.

#include "engine/script/runtime/descriptors.hpp"

#include <typeinfo>

#include "engine/script/runtime/exception_group.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

bool is_python_function(const Value& v) { return v.obj() && typeid(*v.obj()) == typeid(FunctionObj); }

MethodWrapperObj* as_wrapper(const Value& v) {
  Object* o = v.obj();
  return o && typeid(*o) == typeid(MethodWrapperObj) ? static_cast<MethodWrapperObj*>(o) : nullptr;
}

std::string owner_name(const Value& self) { return class_of(self)->name; }

[[noreturn]] void property_missing(const PropertyObj* p, const Value& self, const char* what) {
  std::string who = p->name.empty() ? "property" : "property '" + p->name + "'";
  raise(Exc::AttributeError, who + " of '" + owner_name(self) + "' object has no " + what);
}

Value property_new(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() > 4) type_error("property() takes at most 4 arguments (" + std::to_string(a.pos.size()) + " given)");
  Ref<PropertyObj> p = make<PropertyObj>();
  Value* slots[] = {&p->fget, &p->fset, &p->fdel, &p->doc};
  for (size_t i = 0; i < a.pos.size(); ++i) *slots[i] = a.pos[i];
  const char* names[] = {"fget", "fset", "fdel", "doc"};
  for (auto& [k, v] : a.kw) {
    bool found = false;
    for (size_t i = 0; i < 4; ++i) {
      if (k == names[i]) {
        *slots[i] = v;
        found = true;
      }
    }
    if (!found) type_error("property() got an unexpected keyword argument '" + k + "'");
  }
  if (p->doc.is_none() && !p->fget.is_none()) {
    Value d;
    if (in.lookup_attr(p->fget, "__doc__", d)) p->doc = d;
  }
  return Value::object(p);
}

// prop.getter(f) / .setter(f) / .deleter(f): a copy with one function replaced.
template <int Slot>
Value property_with(Interp&, const Value& self, CallArgs& a) {
  static const char* names[] = {"getter", "setter", "deleter"};
  check_args(names[Slot], a, 1, 1);
  auto* old = self.as<PropertyObj>();
  Ref<PropertyObj> p = make<PropertyObj>();
  p->fget = old->fget;
  p->fset = old->fset;
  p->fdel = old->fdel;
  p->doc = old->doc;
  p->name = old->name;
  Value* slots[] = {&p->fget, &p->fset, &p->fdel};
  *slots[Slot] = a.pos[0];
  return Value::object(p);
}

Value method_wrapper_new(MethodWrapperObj::Kind k, const char* name, CallArgs& a) {
  if (!a.kw.empty()) type_error(std::string(name) + "() takes no keyword arguments");
  if (a.pos.size() != 1) type_error(std::string(name) + " expected 1 argument, got " + std::to_string(a.pos.size()));
  return Value::object(make<MethodWrapperObj>(k, a.pos[0]));
}
Value classmethod_new(Interp&, const Value&, CallArgs& a) {
  return method_wrapper_new(MethodWrapperObj::Kind::ClassMethod, "classmethod", a);
}
Value staticmethod_new(Interp&, const Value&, CallArgs& a) {
  return method_wrapper_new(MethodWrapperObj::Kind::StaticMethod, "staticmethod", a);
}

// vars(obj): obj.__dict__.
Value b_vars(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("vars() without an argument is not supported");
  check_args("vars", a, 1, 1);
  Value d;
  if (!in.lookup_attr(a.pos[0], "__dict__", d)) type_error("vars() argument must have __dict__ attribute");
  return d;
}

void install_descriptor_methods() {
  register_methods(engine_type("property"), {{"getter", property_with<0>}, {"setter", property_with<1>}, {"deleter", property_with<2>}});
  register_properties(engine_type("property"), {
      {"fget", [](Interp&, const Value& s) { return s.as<PropertyObj>()->fget; }},
      {"fset", [](Interp&, const Value& s) { return s.as<PropertyObj>()->fset; }},
      {"fdel", [](Interp&, const Value& s) { return s.as<PropertyObj>()->fdel; }},
      {"__doc__", [](Interp&, const Value& s) { return s.as<PropertyObj>()->doc; }},
  });
  register_properties(builtin_class(BuiltinType::Method), {
      {"__self__", [](Interp&, const Value& s) { return s.as<BoundMethodObj>()->self; }},
      {"__func__", [](Interp&, const Value& s) { return s.as<BoundMethodObj>()->func; }},
  });
  for (const char* type : {"classmethod", "staticmethod"}) {
    register_properties(engine_type(type), {
        {"__func__", [](Interp&, const Value& s) { return s.as<MethodWrapperObj>()->func; }},
        {"__wrapped__", [](Interp&, const Value& s) { return s.as<MethodWrapperObj>()->func; }},
    });
  }
}

}  // namespace

std::string MethodWrapperObj::repr() const {
  return "<" + type_name() + "(" + loopscope::repr(func) + ")>";
}

PropertyObj* as_property(const Value& attr) {
  Object* o = attr.obj();
  return o && typeid(*o) == typeid(PropertyObj) ? static_cast<PropertyObj*>(o) : nullptr;
}

Value descriptor_get(Interp& in, const Value& attr, const Value& self, ClassObj* type) {
  if (is_python_function(attr)) return Value::object(make<BoundMethodObj>(self, attr));
  if (PropertyObj* p = as_property(attr)) {
    if (p->fget.is_none()) property_missing(p, self, "getter");
    return in.call(p->fget, std::vector<Value>{self});
  }
  if (MethodWrapperObj* w = as_wrapper(attr)) {
    if (w->kind == MethodWrapperObj::Kind::StaticMethod) return w->func;
    return Value::object(make<BoundMethodObj>(Value::object(type), w->func));
  }
  if (attr.is(ObjKind::Instance)) {  // a non-data descriptor written in Python (functools.cached_property)
    if (const Value* get = in.class_lookup(static_cast<InstanceObj*>(attr.obj())->cls.get(), "__get__")) {
      return in.call(*get, std::vector<Value>{attr, self, Value::object(type)});
    }
  }
  return attr;
}

Value descriptor_get_class(const Value& attr, ClassObj* cls) {
  if (MethodWrapperObj* w = as_wrapper(attr)) {
    if (w->kind == MethodWrapperObj::Kind::StaticMethod) return w->func;
    return Value::object(make<BoundMethodObj>(Value::object(cls), w->func));
  }
  return attr;
}

void property_set(Interp& in, PropertyObj* p, const Value& self, const Value* v) {
  Ref<PropertyObj> keep(p);
  if (v) {
    if (p->fset.is_none()) property_missing(p, self, "setter");
    in.call(p->fset, std::vector<Value>{self, *v});
  } else {
    if (p->fdel.is_none()) property_missing(p, self, "deleter");
    in.call(p->fdel, std::vector<Value>{self});
  }
}

void install_descriptor_builtins(Interp& in) {
  static const bool methods = (install_descriptor_methods(), install_exception_group_methods(), true);
  (void)methods;
  in.define_builtin("property", Value::object(make<NativeObj>("property", property_new)));
  in.define_builtin("classmethod", Value::object(make<NativeObj>("classmethod", classmethod_new)));
  in.define_builtin("staticmethod", Value::object(make<NativeObj>("staticmethod", staticmethod_new)));
  in.define_builtin("vars", Value::object(make<NativeObj>("vars", b_vars)));
}

}  // namespace loopscope::script
