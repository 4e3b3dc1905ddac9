// Metaclasses: `class E(Base, metaclass=M)`, a metaclass's __prepare__,
// __new__ (type.__new__ through super()), __init__ and __call__, and
// type.__new__ itself. A class whose metaclass is not `type` records it
// in ClassObj::meta; type(cls) gives it, and the metaclass's methods apply
// to the class (Interp::user_override, lookup_attr).

#include <typeinfo>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

// The most derived metaclass of the bases (None: they are all `type`'s).
Value Interp::metaclass_of_bases(const std::vector<Value>& bases) {
  ClassObj* winner = nullptr;
  for (const Value& b : bases) {
    if (!b.is(ObjKind::Class)) continue;
    ClassObj* m = b.as<ClassObj>()->meta.get();
    if (!m) continue;
    if (!winner || m->is_subclass_of(winner)) {
      winner = m;
    } else if (!winner->is_subclass_of(m)) {
      type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                 "metaclasses of all its bases");
    }
  }
  return winner ? Value::object(winner) : Value();
}

// The body runs into a namespace (the metaclass's __prepare__ result, or
// a dict) filled in definition order; then meta(name, bases, ns, **kw).
Value Interp::build_class_with_meta(Frame& f, FunctionObj* body, const Value& bases, const std::string& name,
                                    const Value& meta, CallArgs& kw) {
  Value ns;
  Value prepare;
  if (lookup_attr(meta, "__prepare__", prepare)) {
    CallArgs a = kw;
    a.pos = {str_value(name), bases};
    ns = call(prepare, a);
  } else {
    ns = Value::object(make<DictObj>());
  }
  std::map<std::string, Value> attrs;
  std::vector<std::string> order;
  attrs["__module__"] = str_value(f.module != main_.get() ? f.module->name : "__main__");
  attrs["__qualname__"] = str_value(body->code->qualname);
  order = {"__module__", "__qualname__"};
  CallArgs none;
  std::unique_ptr<Frame> bf = make_frame(Ref<FunctionObj>(body), none);
  bf->ns = &attrs;
  bf->ns_order = &order;
  StepResult r = execute(*bf, Value(), nullptr);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc};
  for (const std::string& k : order) {
    auto it = attrs.find(k);
    if (it != attrs.end()) setitem(ns, str_value(k), it->second);
  }
  CallArgs a = kw;
  a.pos = {str_value(name), bases, ns};
  return call(meta, a);
}

// type.__new__(mcls, name, bases, ns, **kw): the class, its attributes in
// the namespace's order, then __set_name__ and __init_subclass__(**kw).
Value Interp::type_new(const Ref<ClassObj>& mcls, CallArgs& a) {
  if (a.pos.size() != 3) type_error("type.__new__() takes exactly 3 arguments (" + std::to_string(a.pos.size()) + " given)");
  const std::string& name = as_str(a.pos[0], "type.__new__() argument 1");
  if (!a.pos[1].is(ObjKind::Tuple)) type_error("type.__new__() argument 2 must be tuple, not " + type_name(a.pos[1]));
  if (!a.pos[2].is(ObjKind::Dict)) type_error("type.__new__() argument 3 must be dict, not " + type_name(a.pos[2]));
  Ref<ClassObj> cls = new_user_class(name, a.pos[1].as<TupleObj>()->items);
  if (mcls.get() != builtin_class(BuiltinType::Type)) cls->meta = mcls;
  for (const auto& e : a.pos[2].as<DictObj>()->table.entries()) {
    if (!e.live) continue;
    const std::string& k = as_str(e.key, "attribute name");
    if (k == "__qualname__") {
      cls->qualname = as_str(e.value, "__qualname__");
      continue;
    }
    if (k == "__module__" && e.value.is(ObjKind::Str)) {
      cls->module = e.value.as<StrObj>()->value;
      continue;
    }
    if (!cls->attrs.count(k)) cls->order.push_back(k);
    cls->attrs[k] = e.value;
  }
  CallArgs kw;
  kw.kw = a.kw;
  finish_class(cls, kw);
  return Value::object(cls);
}

// M(name, bases, ns, **kw) for a metaclass M: M.__new__ (type.__new__
// unless overridden), then M.__init__ on the class it made.
Value Interp::make_class_via_meta(const Ref<ClassObj>& mcls, CallArgs& args) {
  Value cls;
  if (const Value* nw = class_lookup(mcls.get(), "__new__")) {
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), Value::object(mcls));
    cls = call(descriptor_get_class(*nw, mcls.get()), a);
  } else {
    if (args.pos.size() == 1 && args.kw.empty()) return Value::object(class_of(args.pos[0]));
    cls = type_new(mcls, args);
  }
  if (!class_of(cls)->is_subclass_of(mcls.get())) return cls;
  if (const Value* init = class_lookup(mcls.get(), "__init__")) {
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), cls);
    call(*init, a);
  }
  return cls;
}

namespace {

// type.__new__(mcls, name, bases, ns, **kw), also as super().__new__ in a metaclass.
Value n_type_new(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty() || !a.pos[0].is(ObjKind::Class) ||
      !a.pos[0].as<ClassObj>()->is_subclass_of(builtin_class(BuiltinType::Type))) {
    type_error("type.__new__(X): X is not a type object (" + (a.pos.empty() ? std::string("nothing") : type_name(a.pos[0])) + ")");
  }
  Ref<ClassObj> mcls(a.pos[0].as<ClassObj>());
  CallArgs rest = a;
  rest.pos.erase(rest.pos.begin());
  return in.type_new(mcls, rest);
}

// object.__new__(cls): a bare instance.
Value n_object_new(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("object.__new__(): not enough arguments");
  if (!a.pos[0].is(ObjKind::Class)) type_error("object.__new__(X): X is not a type object (" + type_name(a.pos[0]) + ")");
  auto* cls = a.pos[0].as<ClassObj>();
  if (ClassObj* base = builtin_base(cls)) {
    CallArgs one{{a.pos[0]}, {}};
    return builtin_new(in, Value::object(base), one);
  }
  if (cls->module == "builtins") type_error("object.__new__(" + cls->name + ") is not safe, use " + cls->name + ".__new__()");
  return Value::object(make<InstanceObj>(Ref<ClassObj>(cls)));
}

// type.__call__(cls, *args): super().__call__ in a metaclass's __call__.
Value n_type_call(Interp& in, const Value& self, CallArgs& a) {
  return in.make_instance(Ref<ClassObj>(self.as<ClassObj>()), a);
}

// object.__init_subclass__(cls): takes no keywords.
Value n_init_subclass(Interp&, const Value& self, CallArgs& a) {
  if (!a.kw.empty()) type_error(self.as<ClassObj>()->name + ".__init_subclass__() takes no keyword arguments");
  check_args("__init_subclass__", a, 0, 0);
  return Value();
}

}  // namespace

// The methods of `type` and `object` the VM provides natively, read through
// a class (`type.__new__`, `object.__new__`) or through super() from a
// class `self` (super().__new__ in a metaclass, super().__call__,
// super().__init_subclass__()).
bool type_native_attr(const Value& self, ClassObj* owner, const std::string& name, Value& out) {
  bool meta = owner->is_subclass_of(builtin_class(BuiltinType::Type));
  if (name == "__new__") {
    out = Value::object(make<NativeObj>("__new__", meta ? n_type_new : n_object_new));
    return true;
  }
  if (name == "__call__" && self.is(ObjKind::Class)) {
    out = Value::object(make<NativeObj>("__call__", n_type_call, self));
    return true;
  }
  if (name == "__init_subclass__" && self.is(ObjKind::Class)) {
    out = Value::object(make<NativeObj>("__init_subclass__", n_init_subclass, self));
    return true;
  }
  return false;
}

Value Interp::call_class(const Ref<ClassObj>& cls, CallArgs& args) {
  if (cls->meta) {
    if (const Value* c = class_lookup(cls->meta.get(), "__call__")) {
      CallArgs a = args;
      a.pos.insert(a.pos.begin(), Value::object(cls));
      return call(*c, a);
    }
  }
  return make_instance(cls, args);
}

}  // namespace loopscope::script
