// Instances of user subclasses of dict, list, tuple and set: the built-in
// container itself, carrying a UserPart (its class and own attributes).
// Every built-in method works on it unchanged; the operations the user
// class overrides (__getitem__, __len__, __iter__, __repr__, ...) are
// looked up on the class first. The dunder methods of the built-in types
// (dict.__setitem__, super().__init__(...)) run the built-in operation
// itself, never the override.

#include <typeinfo>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

// A UserPart registered as a cycle root: its attributes may lead back to
// the container (self.on_evict = self.method); the run's end clears them.
struct RootedUserPart final : UserPart, CycleRoot {
  RootedUserPart(Ref<Object> cls, Object* owner) : UserPart(std::move(cls)), owner(owner) {}
  Object* as_object() override { return owner; }
  void clear_refs() override { attrs.clear(); }
  Object* owner;  // the container holding this part
};

std::unique_ptr<UserPart>* user_slot(Object* o) {
  switch (o->kind()) {
    case ObjKind::Dict: return &static_cast<DictObj*>(o)->user;
    case ObjKind::List: return &static_cast<ListObj*>(o)->user;
    case ObjKind::Tuple: return &static_cast<TupleObj*>(o)->user;
    case ObjKind::Set: return &static_cast<SetObj*>(o)->user;
    case ObjKind::Str: return &static_cast<StrObj*>(o)->user;
    default: return nullptr;
  }
}

Value d_getitem(Interp& in, const Value& self, CallArgs& a) {
  check_args("__getitem__", a, 1, 1);
  return in.getitem_builtin(self, a.pos[0]);
}
Value d_setitem(Interp& in, const Value& self, CallArgs& a) {
  check_args("__setitem__", a, 2, 2);
  in.setitem_builtin(self, a.pos[0], a.pos[1]);
  return Value();
}
Value d_delitem(Interp& in, const Value& self, CallArgs& a) {
  check_args("__delitem__", a, 1, 1);
  in.delitem_builtin(self, a.pos[0]);
  return Value();
}
Value d_contains(Interp& in, const Value& self, CallArgs& a) {
  check_args("__contains__", a, 1, 1);
  return Value::boolean(in.contains_builtin(self, a.pos[0]));
}
Value d_len(Interp& in, const Value& self, CallArgs& a) {
  check_args("__len__", a, 0, 0);
  return Value::integer(in.len_builtin(self));
}
Value d_iter(Interp& in, const Value& self, CallArgs& a) {
  check_args("__iter__", a, 0, 0);
  return in.iter_builtin(self);
}
Value d_repr(Interp& in, const Value& self, CallArgs& a) {
  check_args("__repr__", a, 0, 0);
  return str_value(in.repr_builtin(self));
}
Value d_eq(Interp& in, const Value& self, CallArgs& a) {
  check_args("__eq__", a, 1, 1);
  return Value::boolean(in.eq_builtin(self, a.pos[0]));
}

// dict.__init__(self, *args, **kw): an update. list.__init__ and
// set.__init__ start again from the iterable.
Value dict_init(Interp& in, const Value& self, CallArgs& a) {
  check_args("dict", a, 0, 1, true);
  return find_type_method(builtin_class(BuiltinType::Dict), "update")(in, self, a);
}
Value list_init(Interp& in, const Value& self, CallArgs& a) {
  check_args("list", a, 0, 1);
  std::vector<Value> items = a.pos.empty() ? std::vector<Value>{} : in.to_vector(a.pos[0]);
  self.as<ListObj>()->items = std::move(items);
  return Value();
}
Value set_init(Interp& in, const Value& self, CallArgs& a) {
  check_args("set", a, 0, 1);
  self.as<SetObj>()->table.clear();
  if (!a.pos.empty()) set_update(in, self.as<SetObj>()->table, a.pos[0]);
  return Value();
}

// The built-in types whose value is made by __new__ from the arguments
// (the others are made empty, then filled by __init__).
bool immutable_base(const ClassObj* base) {
  return base == builtin_class(BuiltinType::Tuple) || base == builtin_class(BuiltinType::Str) ||
         base == builtin_class(BuiltinType::Int) || base == builtin_class(BuiltinType::Float);
}

// The container of a new instance of `cls` (deriving from `base`): a tuple
// or str from the arguments (as their __new__ does), the others empty. An
// int or float subclass's instance is an InstanceObj holding the number.
Value new_builtin_instance(Interp& in, ClassObj* cls, ClassObj* base, CallArgs& args) {
  Value self;
  if (base == builtin_class(BuiltinType::Int) || base == builtin_class(BuiltinType::Float)) {
    Ref<InstanceObj> inst = make<InstanceObj>(Ref<ClassObj>(cls));
    inst->base = plain_value(builtin_constructor(base)(in, Value(), args));
    return Value::object(inst);
  }
  if (base == builtin_class(BuiltinType::Str)) {
    Value t = builtin_constructor(base)(in, Value(), args);
    self = Value::object(make<StrObj>(t.as<StrObj>()->value));
  } else if (base == builtin_class(BuiltinType::Tuple)) {
    Value t = builtin_constructor(base)(in, Value(), args);
    self = Value::object(make<TupleObj>(t.as<TupleObj>()->items));
  } else {
    CallArgs none;
    self = builtin_constructor(base)(in, Value(), none);
  }
  *user_slot(self.obj()) = std::make_unique<RootedUserPart>(Ref<Object>(cls), self.obj());
  return self;
}

}  // namespace

// dict.fromkeys(iterable, value=None), a classmethod: `self` is the class
// (a dict subclass gets an instance of itself, filled by its __setitem__).
Value dict_fromkeys(Interp& in, const Value& self, CallArgs& a) {
  check_args("fromkeys", a, 1, 2);
  Value value = a.pos.size() > 1 ? a.pos[1] : Value();
  Value d = in.call(self, std::vector<Value>{});
  for (const Value& k : in.to_vector(a.pos[0])) in.setitem(d, k, value);
  return d;
}

// tuple.__new__(cls, iterable), dict.__new__(cls), ...: `self` is the
// built-in class.
Value builtin_new(Interp& in, const Value& self, CallArgs& a) {
  auto* base = self.as<ClassObj>();
  if (a.pos.empty()) type_error(base->name + ".__new__(): not enough arguments");
  if (!a.pos[0].is(ObjKind::Class)) {
    type_error(base->name + ".__new__(X): X is not a type object (" + type_name(a.pos[0]) + ")");
  }
  auto* cls = a.pos[0].as<ClassObj>();
  if (!cls->is_subclass_of(base)) {
    type_error(base->name + ".__new__(" + cls->name + "): " + cls->name + " is not a subtype of " + base->name);
  }
  CallArgs rest = a;
  rest.pos.erase(rest.pos.begin());
  if (cls == base) return builtin_constructor(base)(in, Value(), rest);
  return new_builtin_instance(in, cls, base, rest);
}

Value plain_value(const Value& v) {
  if (const Value* n = number_base(v)) return *n;
  if (v.is(ObjKind::Str) && v.as<StrObj>()->user) return str_value(v.as<StrObj>()->value);
  return v;
}

UserPart* user_part(const Value& v) {
  Object* o = v.obj();
  if (!o) return nullptr;
  std::unique_ptr<UserPart>* slot = user_slot(o);
  return slot ? slot->get() : nullptr;
}

ClassObj* builtin_base(const ClassObj* cls) {
  static const BuiltinType kinds[] = {BuiltinType::Dict, BuiltinType::List, BuiltinType::Tuple, BuiltinType::Set,
                                      BuiltinType::Str,  BuiltinType::Int,  BuiltinType::Float};
  for (const ClassObj* c : cls->mro())
    for (BuiltinType t : kinds)
      if (c == builtin_class(t)) return builtin_class(t);
  return nullptr;
}

void install_container_dunders() {
  for (BuiltinType type : {BuiltinType::Dict, BuiltinType::List, BuiltinType::Tuple, BuiltinType::Set}) {
    register_methods(builtin_class(type), {{"__getitem__", d_getitem}, {"__contains__", d_contains}, {"__len__", d_len},
                            {"__iter__", d_iter}, {"__repr__", d_repr}, {"__eq__", d_eq}});
  }
  for (BuiltinType type : {BuiltinType::Dict, BuiltinType::List}) register_methods(builtin_class(type), {{"__setitem__", d_setitem}, {"__delitem__", d_delitem}});
  register_methods(builtin_class(BuiltinType::Dict), {{"__init__", dict_init}});
  register_methods(builtin_class(BuiltinType::List), {{"__init__", list_init}});
  register_methods(builtin_class(BuiltinType::Set), {{"__init__", set_init}});
}

const Value* Interp::user_override(const Value& v, const char* name) const {
  if (v.is(ObjKind::Class)) {
    ClassObj* meta = v.as<ClassObj>()->meta.get();
    return meta ? class_lookup(meta, name) : nullptr;
  }
  UserPart* u = user_part(v);
  return u ? class_lookup(static_cast<ClassObj*>(u->cls.get()), name) : nullptr;
}

// Reading an attribute of such an instance: properties, its own
// attributes, then the class's; false sends the lookup on to the built-in
// type's methods.
bool Interp::user_part_attr(const Value& obj, UserPart* u, const std::string& name, Value& out) {
  auto* cls = static_cast<ClassObj*>(u->cls.get());
  const Value* m = class_lookup(cls, name);
  if (m && as_property(*m)) {
    out = descriptor_get(*this, *m, obj, cls);
    return true;
  }
  auto it = u->attrs.find(name);
  if (it != u->attrs.end()) {
    out = it->second;
    return true;
  }
  if (name == "__dict__") {
    Ref<DictObj> d = make<DictObj>();
    for (auto& [k, v] : u->attrs) d->table.set(str_value(k), v);
    out = Value::object(d);
    return true;
  }
  if (m) {
    out = descriptor_get(*this, *m, obj, cls);
    return true;
  }
  return false;
}

// An instance of a user class deriving from dict, list, tuple or set: the
// built-in container made empty (a tuple from the arguments, as its
// __new__ does), then __init__ — the class's own, or the built-in one.
Value Interp::make_builtin_subclass(const Ref<ClassObj>& cls, ClassObj* base, CallArgs& args) {
  const Value* init = class_lookup(cls.get(), "__init__");
  Value self;
  if (const Value* nw = class_lookup(cls.get(), "__new__")) {
    // The class's own __new__ (an implicit staticmethod) makes the object.
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), Value::object(cls));
    self = call(descriptor_get_class(*nw, cls.get()), a);
    if (!class_of(self)->is_subclass_of(cls.get())) return self;
  } else {
    self = new_builtin_instance(*this, cls.get(), base, args);
  }
  if (init) {
    CallArgs a = args;
    a.pos.insert(a.pos.begin(), self);
    Value r = call(*init, a);
    if (!r.is_none()) type_error("__init__() should return None, not '" + type_name(r) + "'");
  } else if (!immutable_base(base)) {
    find_type_method(base, "__init__")(*this, self, args);
  }
  return self;
}

// ---- the operations, with the user class's overrides first ----

Value Interp::getitem(const Value& obj, const Value& key) {
  if (const Value* m = user_override(obj, "__getitem__")) return call(*m, std::vector<Value>{obj, key});
  return getitem_builtin(obj, key);
}

void Interp::setitem(const Value& obj, const Value& key, Value v) {
  if (const Value* m = user_override(obj, "__setitem__")) {
    call(*m, std::vector<Value>{obj, key, std::move(v)});
    return;
  }
  setitem_builtin(obj, key, std::move(v));
}

void Interp::delitem(const Value& obj, const Value& key) {
  if (const Value* m = user_override(obj, "__delitem__")) {
    call(*m, std::vector<Value>{obj, key});
    return;
  }
  delitem_builtin(obj, key);
}

bool Interp::contains(const Value& c, const Value& item) {
  if (const Value* m = user_override(c, "__contains__")) return truthy(call(*m, std::vector<Value>{c, item}));
  return contains_builtin(c, item);
}

int64_t Interp::len(const Value& v) {
  if (const Value* m = user_override(v, "__len__")) return to_int(call(*m, std::vector<Value>{v}), "__len__()");
  return len_builtin(v);
}

Value Interp::iter(const Value& v) {
  if (const Value* m = user_override(v, "__iter__")) return call(*m, std::vector<Value>{v});
  return iter_builtin(v);
}

std::string Interp::repr(const Value& v) {
  if (const Value* m = user_override(v, "__repr__")) {
    Value r = call(*m, std::vector<Value>{v});
    if (!r.is(ObjKind::Str)) type_error("__repr__ returned non-string (type " + type_name(r) + ")");
    return r.as<StrObj>()->value;
  }
  return repr_builtin(v);
}

bool Interp::eq(const Value& a, const Value& b) {
  if (const Value* m = user_override(a, "__eq__")) return truthy(call(*m, std::vector<Value>{a, b}));
  if (const Value* m = user_override(b, "__eq__")) return truthy(call(*m, std::vector<Value>{b, a}));
  return eq_builtin(a, b);
}

}  // namespace loopscope::script
