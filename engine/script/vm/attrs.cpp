// The attribute protocol: class lookup (MRO, super), getattr with its
// descriptors and __getattr__ hook, setattr and delattr, for every kind of
// object. Split out of ops.cpp.

#include <algorithm>
#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/vm/slots.hpp"
#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

// ---- attributes ----

const Value* Interp::class_lookup(const ClassObj* cls, const std::string& name) const {
  if (const auto* mro = cls->computed_mro()) {
    for (const ClassObj* c : *mro) {
      auto it = c->attrs.find(name);
      if (it != c->attrs.end()) return &it->second;
    }
    return nullptr;
  }
  for (const ClassObj* c = cls; c; c = c->base.get()) {
    auto it = c->attrs.find(name);
    if (it != c->attrs.end()) return &it->second;
  }
  return nullptr;
}

namespace {
// A Python function's own attributes: __name__, __qualname__, __doc__,
// __module__, __dict__ and what was set on it.
bool function_attr(FunctionObj* fn, const std::string& name, Value& out) {
  if (name == "__name__") out = str_value(fn->name);
  else if (name == "__qualname__") out = str_value(fn->qualname);
  else if (name == "__doc__") out = fn->doc;
  else if (name == "__module__") out = str_value(fn->module ? fn->module->name : "__main__");
  else if (name == "__defaults__") out = fn->defaults.empty() ? Value() : Value::object(make<TupleObj>(fn->defaults));
  else if (name == "__dict__") {
    if (!fn->dict) fn->dict = make<DictObj>();
    out = Value::object(fn->dict);
  } else if (name == "__annotations__") {
    if (fn->annotations.is_none()) fn->annotations = Value::object(make<DictObj>());
    out = fn->annotations;
  } else {
    Value* v = fn->dict ? fn->dict->table.get(str_value(name)) : nullptr;
    if (!v) return false;
    out = *v;
  }
  return true;
}

void function_setattr(FunctionObj* fn, const std::string& name, Value v) {
  if (name == "__name__" || name == "__qualname__") {
    if (!v.is(ObjKind::Str)) type_error(name + " must be set to a string object");
    (name == "__name__" ? fn->name : fn->qualname) = v.as<StrObj>()->value;
  } else if (name == "__doc__") {
    fn->doc = std::move(v);
  } else if (name == "__annotations__") {
    if (!v.is(ObjKind::Dict)) type_error("__annotations__ must be set to a dict object");
    fn->annotations = std::move(v);
  } else if (name == "__dict__") {
    if (!v.is(ObjKind::Dict)) type_error("__dict__ must be set to a dictionary, not a '" + type_name(v) + "'");
    fn->dict = Ref<DictObj>(v.as<DictObj>());
  } else {
    if (!fn->dict) fn->dict = make<DictObj>();
    fn->dict->table.set(str_value(name), std::move(v));
  }
}

Value exception_init(Interp&, const Value& self, CallArgs& a) {
  // BaseException.__init__(self, *args)
  if (a.pos.empty() || !a.pos[0].is(ObjKind::Exception)) return Value();
  a.pos[0].as<ExceptionObj>()->args.assign(a.pos.begin() + 1, a.pos.end());
  (void)self;
  return Value();
}

Value object_init(Interp&, const Value&, CallArgs&) { return Value(); }

// An instance attribute set without the class's __setattr__: through a
// property, or into the instance's dict.
void set_instance_attr(Interp& in, InstanceObj* inst, const Value& self, const std::string& name, Value v) {
  const Value* m = in.class_lookup(inst->cls.get(), name);
  if (PropertyObj* p = m ? as_property(*m) : nullptr) return property_set(in, p, self, &v);
  check_slot_assignment(in, inst->cls.get(), name, m);
  auto [it, fresh] = inst->attrs.try_emplace(name);
  if (fresh) inst->order.push_back(name);
  it->second = std::move(v);
}

// The same for an instance of a dict/list/tuple/set subclass.
void set_user_attr(Interp& in, UserPart* u, const Value& self, const std::string& name, Value v) {
  const Value* m = in.class_lookup(user_class(u), name);
  if (PropertyObj* p = m ? as_property(*m) : nullptr) return property_set(in, p, self, &v);
  u->attrs[name] = std::move(v);
}

// object.__setattr__(self, name, value)
Value object_setattr(Interp& in, const Value&, CallArgs& a) {
  check_args("__setattr__", a, 3, 3);
  const std::string& name = as_str(a.pos[1], "attribute name");
  if (UserPart* u = user_part(a.pos[0])) set_user_attr(in, u, a.pos[0], name, a.pos[2]);
  else if (a.pos[0].is(ObjKind::Instance)) set_instance_attr(in, a.pos[0].as<InstanceObj>(), a.pos[0], name, a.pos[2]);
  else in.setattr(a.pos[0], name, a.pos[2]);
  return Value();
}

// object.__delattr__(self, name)
Value object_delattr(Interp& in, const Value&, CallArgs& a) {
  check_args("__delattr__", a, 2, 2);
  in.delattr_plain(a.pos[0], as_str(a.pos[1], "attribute name"));
  return Value();
}

// str.upper, list.append, ...: the method of a built-in type, taking the
// instance as its first argument.
Value call_unbound(Interp& in, const Value& self, CallArgs& a) {
  const auto& spec = self.as<TupleObj>()->items;
  auto* cls = spec[0].as<ClassObj>();
  const std::string& name = spec[1].as<StrObj>()->value;
  if (a.pos.empty()) type_error("unbound method " + cls->name + "." + name + "() needs an argument");
  if (!class_of(a.pos[0])->is_subclass_of(cls) && name.size() > 4 && name.compare(0, 2, "__") == 0) {
    type_error("descriptor '" + name + "' requires a '" + cls->name + "' object but received a '" +
               class_of(a.pos[0])->name + "'");
  }
  if (!class_of(a.pos[0])->is_subclass_of(cls)) {
    type_error("descriptor '" + name + "' for '" + cls->name + "' objects doesn't apply to a '" + type_name(a.pos[0]) +
               "' object");
  }
  Value obj = a.pos[0];
  a.pos.erase(a.pos.begin());
  return find_type_method(cls, name)(in, obj, a);
}

bool unbound_method(ClassObj* cls, const std::string& name, Value& out) {
  if (!find_type_method(cls, name)) return false;
  Value spec = Value::object(make<TupleObj>(std::vector<Value>{Value::object(cls), str_value(name)}));
  out = Value::object(make<NativeObj>(name, call_unbound, spec));
  return true;
}
}  // namespace

// The class's __getattr__, called when the usual lookup found nothing; its
// AttributeError means "no such attribute".
bool Interp::getattr_hook(const Value& obj, ClassObj* cls, const std::string& name, Value& out) {
  // Special methods are looked up on the type only (as CPython's implicit
  // lookups do), never through the hook.
  bool dunder = name.size() > 4 && name.compare(0, 2, "__") == 0 && name.compare(name.size() - 2, 2, "__") == 0;
  if (dunder) return false;
  const Value* hook = class_lookup(cls, "__getattr__");
  if (!hook) return false;
  try {
    out = call(*hook, std::vector<Value>{obj, str_value(name)});
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::AttributeError)) return false;
    throw;
  }
  return true;
}

// super(start, self).name: the classes after `start` in type(self)'s MRO.
const Value* Interp::super_lookup(const SuperObj* s, const std::string& name) const {
  const ClassObj* type = s->self.is(ObjKind::Class) ? s->self.as<ClassObj>() : class_of(s->self);
  std::vector<const ClassObj*> mro = type->mro();
  size_t i = 0;
  while (i < mro.size() && mro[i] != s->start.get()) ++i;
  if (i == mro.size()) {
    // self is not an instance of start: follow start's own bases.
    mro = s->start->mro();
    i = 0;
  }
  for (++i; i < mro.size(); ++i) {
    auto it = mro[i]->attrs.find(name);
    if (it != mro[i]->attrs.end()) return &it->second;
  }
  return nullptr;
}

bool Interp::lookup_attr(const Value& obj, const std::string& name, Value& out) {
  Object* o = obj.obj();
  if (name == "__class__") {
    out = Value::object(class_of(obj));
    return true;
  }
  UserPart* user = user_part(obj);
  if (user && user_part_attr(obj, user, name, out)) return true;
  if (o) {
    switch (o->kind()) {
      case ObjKind::Instance: {
        auto* inst = static_cast<InstanceObj*>(o);
        const Value* m = name == "__user__" ? nullptr : class_lookup(inst->cls.get(), name);
        if (m && as_property(*m)) {
          out = descriptor_get(*this, *m, obj, inst->cls.get());
          return true;
        }
        auto it = inst->attrs.find(name);
        if (it != inst->attrs.end()) {
          out = it->second;
          return true;
        }
        if (name == "__dict__" && instance_has_dict(*this, inst->cls.get())) {
          Ref<DictObj> d = make<DictObj>();
          std::vector<std::string> slots = slot_names(*this, inst->cls.get());
          auto add = [&](const std::string& k, const Value& v) {
            if (std::find(slots.begin(), slots.end(), k) == slots.end() && k != "__weakref__") d->table.set(str_value(k), v);
          };
          // Assignment order first; names set by other paths after, sorted.
          for (const std::string& k : inst->order)
            if (auto a = inst->attrs.find(k); a != inst->attrs.end()) add(k, a->second);
          for (auto& [k, v] : inst->attrs)
            if (std::find(inst->order.begin(), inst->order.end(), k) == inst->order.end()) add(k, v);
          out = Value::object(d);
          return true;
        }
        if (m) {
          out = descriptor_get(*this, *m, obj, inst->cls.get());
          return true;
        }
        if (const Value* n = inst->number_base(); n && name != "__dict__") {
          if (lookup_attr(*n, name, out)) return true;  // int's and float's methods, on the number
        }
        return engine_base_attr(obj, name, out) || getattr_hook(obj, inst->cls.get(), name, out);
      }
      case ObjKind::Class: {
        auto* c = static_cast<ClassObj*>(o);
        if (name == "__name__" || name == "__qualname__") {
          out = str_value(name == "__qualname__" && !c->qualname.empty() ? c->qualname : c->name);
          return true;
        }
        if (name == "__mro__") {
          std::vector<Value> items;
          ClassObj* object = builtin_class(BuiltinType::Object);
          for (const ClassObj* x : c->mro())  // object last, also when a built-in base brought it in
            if (x != object) items.push_back(Value::object(const_cast<ClassObj*>(x)));
          items.push_back(Value::object(object));
          out = Value::object(make<TupleObj>(std::move(items)));
          return true;
        }
        if (name == "__module__") {
          out = str_value(c->module);
          return true;
        }
        if (name == "__bases__") {
          std::vector<Value> b;
          for (const Ref<ClassObj>& x : c->bases) b.push_back(Value::object(x));
          if (b.empty() && c->base) b.push_back(Value::object(c->base));
          else if (b.empty() && c != builtin_class(BuiltinType::Object)) b.push_back(Value::object(builtin_class(BuiltinType::Object)));
          out = Value::object(make<TupleObj>(std::move(b)));
          return true;
        }
        if (name == "__user__") return false;
        if (name == "__annotations__" && c->module != "builtins") {  // its own, made empty on first use
          auto it = c->attrs.find(name);
          if (it == c->attrs.end()) it = c->attrs.emplace(name, Value::object(make<DictObj>())).first;
          out = it->second;
          return true;
        }
        if (name == "__dict__") {  // a snapshot of the class's own namespace (CPython: a read-only view)
          Ref<DictObj> d = make<DictObj>();
          for (const auto& [k, v] : c->attrs) d->table.set(str_value(k), v);
          out = Value::object(d);
          return true;
        }
        if (const Value* m = class_lookup(c, name)) {
          out = descriptor_get_class(*m, c);
          return true;
        }
        if (name == "__init__") {
          out = Value::object(make<NativeObj>("__init__", is_exception_class(c) ? exception_init : object_init));
          return true;
        }
        if (name == "__setattr__") {
          out = Value::object(make<NativeObj>("__setattr__", object_setattr));
          return true;
        }
        if (name == "__delattr__") {
          out = Value::object(make<NativeObj>("__delattr__", object_delattr));
          return true;
        }
        if (c->meta) {
          if (const Value* m = class_lookup(c->meta.get(), name)) {
            out = descriptor_get(*this, *m, obj, c->meta.get());
            return true;
          }
        }
        if (name == "__new__" && !builtin_base(c) && type_native_attr(obj, c, name, out)) return true;
        if (name == "fromkeys" && builtin_base(c) == builtin_class(BuiltinType::Dict)) {
          out = Value::object(make<NativeObj>("fromkeys", dict_fromkeys, obj));
          return true;
        }
        if (name == "__new__" && builtin_base(c)) {
          out = Value::object(make<NativeObj>("__new__", builtin_new, Value::object(builtin_base(c))));
          return true;
        }
        if (c->module == "builtins" && unbound_method(c, name, out)) return true;
        if (ClassObj* base = builtin_base(c); base && unbound_method(base, name, out)) return true;
        return false;
      }
      case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") {
          out = Value::object(make<TupleObj>(e->args));
          return true;
        }
        if (name == "__cause__") {
          out = Value::object(e->cause);
          return true;
        }
        if (name == "__context__") {
          out = Value::object(e->context);
          return true;
        }
        if (name == "__traceback__") {
          out = Value();
          return true;
        }
        if (name == "add_note") {
          out = Value::object(make<NativeObj>(name, exc_add_note, obj));
          return true;
        }
        if (name == "__suppress_context__") {
          out = Value::boolean(e->suppress_context);
          return true;
        }
        if (name == "value" && (e->is_instance_of(exc_class(Exc::StopIteration)))) {
          out = e->args.empty() ? Value() : e->args[0];
          return true;
        }
                if (name == "exceptions" && e->is_instance_of(exc_class(Exc::BaseExceptionGroup))) {
          std::vector<Value> items;
          for (auto& x : e->exceptions) items.push_back(Value::object(x));
          out = Value::object(make<TupleObj>(std::move(items)));
          return true;
        }
        auto it = e->attrs.find(name);
        if (it != e->attrs.end()) {
          out = it->second;
          return true;
        }
        if (e->is_instance_of(exc_class(Exc::OSError)) &&
            (name == "errno" || name == "strerror" || name == "filename" || name == "filename2")) {
          bool pair = e->args.size() >= 2 && e->args.size() <= 5;
          out = pair && name == "errno" ? e->args[0] : pair && name == "strerror" ? e->args[1] : Value();
          return true;
        }
        if (const Value* m = class_lookup(e->cls.get(), name)) {
          if (name == "__user__") return false;
          out = descriptor_get(*this, *m, obj, e->cls.get());
          return true;
        }
        break;
      }
      case ObjKind::Function: {
        if (typeid(*o) == typeid(FunctionObj)) {
          if (function_attr(static_cast<FunctionObj*>(o), name, out)) return true;
        } else if (name == "__name__") {
          out = str_value(static_cast<NativeObj*>(o)->name);
          return true;
        }
        break;
      }
      default: break;
    }
    if (typeid(*o) == typeid(ModuleObj)) {
      auto* m = static_cast<ModuleObj*>(o);
      auto it = m->globals.find(name);
      if (it == m->globals.end()) return false;
      out = it->second;
      return true;
    }
    if (typeid(*o) == typeid(SuperObj)) {
      auto* s = static_cast<SuperObj*>(o);
      if (const Value* m = super_lookup(s, name)) {
        if (s->self.is(ObjKind::Class)) out = descriptor_get_class(*m, s->self.as<ClassObj>());
        else out = descriptor_get(*this, *m, s->self, class_of(s->self));
        return true;
      }
      if (s->self.is(ObjKind::Class) && !builtin_base(s->self.as<ClassObj>()) &&
          type_native_attr(s->self, s->start.get(), name, out)) {
        return true;
      }
      if (name == "__new__" && s->self.is(ObjKind::Class) && builtin_base(s->self.as<ClassObj>())) {
        out = Value::object(make<NativeObj>("__new__", builtin_new, Value::object(builtin_base(s->self.as<ClassObj>()))));
        return true;
      }
      if (user_part(s->self) || number_base(s->self)) {
        // The built-in type's own method (super().__setitem__, super().__init__),
        // on the number itself for an int or float subclass.
        ClassObj* base = builtin_base(class_of(s->self));
        if (NativeFn fn = find_type_method(base, name)) {
          const Value* n = number_base(s->self);
          out = Value::object(make<NativeObj>(name, fn, n ? *n : s->self));
          return true;
        }
      }
      if (engine_super_attr(s->self, name, out)) return true;
      if (name == "__init__") {
        bool exc = s->self.is(ObjKind::Exception);
        out = Value::object(make<NativeObj>("__init__", exc ? exception_init : object_init));
        if (exc) {
          // Bind: the native receives self as its first positional argument.
          out = Value::object(make<BoundMethodObj>(s->self, out));
        }
        return true;
      }
      if (name == "__setattr__") {
        out = Value::object(make<BoundMethodObj>(s->self, Value::object(make<NativeObj>("__setattr__", object_setattr))));
        return true;
      }
      if (name == "__str__" || name == "__repr__") {
        Value self = s->self;
        bool is_repr = name == "__repr__";
        out = Value::object(make<NativeObj>(name, is_repr ? [](Interp& in, const Value& self, CallArgs&) -> Value {
          Object* so = self.obj();
          if (so && so->kind() == ObjKind::Exception) return str_value(so->repr());
          if (so && so->kind() == ObjKind::Instance) return str_value("<" + static_cast<InstanceObj*>(so)->cls->qualified_name() + " object at 0x?>");
          return str_value(in.repr(self));
        } : [](Interp& in, const Value& self, CallArgs&) -> Value {
          Object* so = self.obj();
          if (so && so->kind() == ObjKind::Exception) {
            auto* e = static_cast<ExceptionObj*>(so);
            if (e->args.size() == 1) return str_value(in.str(e->args[0]));
            return str_value(so->str());
          }
          if (so && so->kind() == ObjKind::Instance) return str_value("<" + static_cast<InstanceObj*>(so)->cls->qualified_name() + " object at 0x?>");
          return str_value(in.str(self));
        }, self));
        return true;
      }
      return false;
    }
  }
  if (PropertyFn p = find_property(obj, name)) {
    out = p(*this, obj);
    return true;
  }
  NativeFn fn = find_method(obj, name);
  if (fn) {
    out = Value::object(make<NativeObj>(name, fn, obj));
    return true;
  }
  return user && getattr_hook(obj, user_class(user), name, out);
}

Value Interp::getattr(const Value& obj, const std::string& name) {
  Value out;
  if (lookup_attr(obj, name, out)) return out;
  if (obj.is(ObjKind::Class)) {
    raise(Exc::AttributeError, "type object '" + obj.as<ClassObj>()->name + "' has no attribute '" + name + "'");
  }
  if (obj.obj() && typeid(*obj.obj()) == typeid(ModuleObj)) {
    raise(Exc::AttributeError, "module '" + obj.as<ModuleObj>()->name + "' has no attribute '" + name + "'");
  }
  // CPython's tp_name: a subclass's own name, else the engine type's ("_io.StringIO").
  std::string type = user_part(obj) ? class_of(obj)->name : type_name(obj);
  raise(Exc::AttributeError, "'" + type + "' object has no attribute '" + name + "'");
}

void Interp::setattr(const Value& obj, const std::string& name, Value v) {
  Object* o = obj.obj();
  if (UserPart* u = user_part(obj)) {
    if (const Value* hook = class_lookup(user_class(u), "__setattr__")) {
      call(*hook, std::vector<Value>{obj, str_value(name), std::move(v)});
      return;
    }
    return set_user_attr(*this, u, obj, name, std::move(v));
  }
  if (o) {
    switch (o->kind()) {
      case ObjKind::Instance: {
        auto* inst = static_cast<InstanceObj*>(o);
        if (const Value* hook = class_lookup(inst->cls.get(), "__setattr__")) {
          call(*hook, std::vector<Value>{obj, str_value(name), std::move(v)});
          return;
        }
        set_instance_attr(*this, inst, obj, name, std::move(v));
        return;
      }
      case ObjKind::Function:
        if (typeid(*o) != typeid(FunctionObj)) break;
        function_setattr(static_cast<FunctionObj*>(o), name, std::move(v));
        return;
      case ObjKind::Class:
        if (static_cast<ClassObj*>(o)->module == "builtins") break;
        static_cast<ClassObj*>(o)->attrs[name] = std::move(v);
        return;
      case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") {
          if (e->is_instance_of(exc_class(Exc::OSError))) {
            // CPython keeps an OSError's errno and strerror in their own
            // slots: replacing args leaves them as they were.
            bool pair = e->args.size() >= 2 && e->args.size() <= 5;
            e->attrs.try_emplace("errno", pair ? e->args[0] : Value());
            e->attrs.try_emplace("strerror", pair ? e->args[1] : Value());
          }
          e->args = to_vector(v);
        } else if (name == "__cause__") {
          e->cause = v.is(ObjKind::Exception) ? Ref<ExceptionObj>(v.as<ExceptionObj>()) : nullptr;
          e->suppress_context = true;
        } else if (name == "__context__") {
          e->context = v.is(ObjKind::Exception) ? Ref<ExceptionObj>(v.as<ExceptionObj>()) : nullptr;
        } else {
          e->attrs[name] = std::move(v);
        }
        return;
      }
      default: break;
    }
    if (typeid(*o) == typeid(ModuleObj)) {
      static_cast<ModuleObj*>(o)->globals[name] = std::move(v);
      return;
    }
  }
  if (obj.is(ObjKind::Class)) type_error("cannot set '" + name + "' attribute of immutable type '" + obj.as<ClassObj>()->name + "'");
  raise(Exc::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

void Interp::delattr(const Value& obj, const std::string& name) {
  Object* o = obj.obj();
  if (o && o->kind() == ObjKind::Instance) {
    if (const Value* hook = class_lookup(static_cast<InstanceObj*>(o)->cls.get(), "__delattr__")) {
      call(*hook, std::vector<Value>{obj, str_value(name)});
      return;
    }
  }
  delattr_plain(obj, name);
}

// del obj.name without the class's __delattr__ (object.__delattr__).
void Interp::delattr_plain(const Value& obj, const std::string& name) {
  Object* o = obj.obj();
  if (UserPart* u = user_part(obj)) {
    const Value* m = class_lookup(user_class(u), name);
    if (PropertyObj* p = m ? as_property(*m) : nullptr) return property_set(*this, p, obj, nullptr);
    if (u->attrs.erase(name)) return;
  } else if (o && o->kind() == ObjKind::Instance) {
    const Value* m = class_lookup(static_cast<InstanceObj*>(o)->cls.get(), name);
    if (PropertyObj* p = m ? as_property(*m) : nullptr) return property_set(*this, p, obj, nullptr);
    if (auto* inst = static_cast<InstanceObj*>(o); inst->attrs.erase(name)) {
      inst->order.erase(std::remove(inst->order.begin(), inst->order.end(), name), inst->order.end());
      return;
    }
  } else if (o && o->kind() == ObjKind::Exception) {
    if (static_cast<ExceptionObj*>(o)->attrs.erase(name)) return;
  } else if (o && o->kind() == ObjKind::Class && static_cast<ClassObj*>(o)->module != "builtins") {
    if (static_cast<ClassObj*>(o)->attrs.erase(name)) return;
  }
  raise(Exc::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

}  // namespace loopscope::script
