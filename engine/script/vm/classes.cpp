// Classes: a class statement's body run into a new class, the checks on
// its bases (C3 order), and the hooks once it is made (__set_name__,
// __init_subclass__, the class methods learn for super()).

#include <functional>
#include <typeinfo>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/vm/slots.hpp"

namespace loopscope::script {

Value Interp::build_class(Frame& f, const Value& body, const Value& bases, const std::string& name, const Value& kw) {
  auto* fn = body.as<FunctionObj>();
  CallArgs kwargs;
  Value meta;
  if (kw.is(ObjKind::Dict)) {
    for (const auto& e : kw.as<DictObj>()->table.entries()) {
      if (!e.live) continue;
      if (e.key.as<StrObj>()->value == "metaclass") meta = e.value;
      else kwargs.kw.emplace_back(e.key.as<StrObj>()->value, e.value);
    }
  }
  if (meta.is_none()) meta = metaclass_of_bases(bases.as<TupleObj>()->items);
  if (!meta.is_none() && !(meta.is(ObjKind::Class) && meta.obj() == builtin_class(BuiltinType::Type))) {
    return build_class_with_meta(f, fn, bases, name, meta, kwargs);
  }
  Ref<ClassObj> cls = new_user_class(name, bases.as<TupleObj>()->items);
  if (f.module != main_.get()) cls->module = f.module->name;  // a module written in Python
  cls->qualname = fn->code->qualname;
  CallArgs none;
  std::unique_ptr<Frame> bf = make_frame(Ref<FunctionObj>(fn), none);
  bf->ns = &cls->attrs;
  bf->ns_order = &cls->order;
  StepResult r = execute(*bf, Value(), nullptr);
  if (r.kind == StepResult::Kind::Raise) throw PyError{r.exc};
  finish_class(cls, kwargs);
  return Value::object(cls);
}

Ref<ClassObj> Interp::new_user_class(const std::string& name, const std::vector<Value>& bases) {
  std::vector<Ref<ClassObj>> bs;
  for (const Value& b : bases) {
    if (!b.is(ObjKind::Class)) type_error("bases must be types");
    Ref<ClassObj> c(b.as<ClassObj>());
    if (c.get() == builtin_class(BuiltinType::Object)) continue;
    if (c->module == "builtins" && !is_exception_class(c.get()) && !class_lookup(c.get(), "__user__") &&
        builtin_base(c.get()) != c.get() && c.get() != builtin_class(BuiltinType::Type)) {
      type_error("subclassing the built-in type '" + c->name + "' is not supported");
    }
    for (const Ref<ClassObj>& x : bs)
      if (x == c) type_error("duplicate base class " + c->name);
    bs.push_back(c);
  }
  const ClassObj* layout = nullptr;
  for (const Ref<ClassObj>& c : bs) {
    const ClassObj* l = builtin_base(c.get());
    if (l && layout && l != layout) type_error("multiple bases have instance lay-out conflict");
    if (l) layout = l;
  }
  Ref<ClassObj> cls = make<ClassObj>(name, "__main__", nullptr);
  if (!cls->set_bases(bs)) {
    std::string names;
    for (const Ref<ClassObj>& x : bs) names += (names.empty() ? "" : ", ") + x->name;
    type_error("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
  }
  cls->attrs["__user__"] = Value::boolean(true);
  cls->key_protocol = this;
  class_roots_.push_back(std::make_unique<UserClassRoot>(cls));
  return cls;
}

// The class is made: names are set, then the nearest base's
// __init_subclass__ (an implicit classmethod) is told.
void Interp::finish_class(const Ref<ClassObj>& cls, const CallArgs& kw) {
  // A class that defines __eq__ but not __hash__ is unhashable (type_new).
  if (cls->attrs.count("__eq__") && !cls->attrs.count("__hash__")) cls->attrs["__hash__"] = Value();
  set_names(cls);
  std::vector<const ClassObj*> mro = cls->mro();
  for (size_t i = 1; i < mro.size(); ++i) {
    auto it = mro[i]->attrs.find("__init_subclass__");
    if (it == mro[i]->attrs.end()) continue;
    Value fn = it->second;
    if (fn.obj() && typeid(*fn.obj()) == typeid(MethodWrapperObj)) fn = fn.as<MethodWrapperObj>()->func;
    CallArgs a = kw;
    a.pos.insert(a.pos.begin(), Value::object(cls));
    call(fn, a);
    return;
  }
  if (!kw.kw.empty()) type_error(cls->name + ".__init_subclass__() takes no keyword arguments");
}

// After the body ran: methods learn their class (for super()), properties
// their name, and values with __set_name__ are told theirs.
void Interp::set_names(const Ref<ClassObj>& cls) {
  // A method a decorator wrapped sits in the wrapper's closure: functions
  // defined in this class body are found there too (by their qualname).
  std::string prefix = cls->qualname + ".";
  std::function<void(const Value&, int)> own = [&](const Value& v, int depth) {
    if (!v.obj() || typeid(*v.obj()) != typeid(FunctionObj) || depth > 4) return;
    auto* fn = v.as<FunctionObj>();
    if (fn->code->qualname.compare(0, prefix.size(), prefix) == 0) fn->owner = cls;
    else if (depth == 0) fn->owner = cls;
    for (const Ref<CellObj>& c : fn->closure) own(c->value, depth + 1);
  };
  std::vector<std::pair<std::string, Value>> hooks;
  for (auto& [k, v] : cls->attrs) {
    own(v, 0);
    if (PropertyObj* p = as_property(v)) {
      p->name = k;
      own(p->fget, 0);
      own(p->fset, 0);
      own(p->fdel, 0);
    } else if (v.obj() && typeid(*v.obj()) == typeid(MethodWrapperObj)) {
      own(v.as<MethodWrapperObj>()->func, 0);
    } else if (v.is(ObjKind::Instance)) {
      hooks.emplace_back(k, v);
    }
  }
  for (auto& [k, v] : hooks) {
    Value m;
    if (lookup_attr(v, "__set_name__", m)) call(m, std::vector<Value>{Value::object(cls), str_value(k)});
  }
}

}  // namespace loopscope::script

namespace loopscope::script {

namespace {

// Adds the names `cls` declares in __slots__; false when it declares none.
bool declared_slots(Interp& in, const ClassObj* cls, std::vector<std::string>& names) {
  auto it = cls->attrs.find("__slots__");
  if (it == cls->attrs.end()) return false;
  if (it->second.is(ObjKind::Str)) {
    names.push_back(it->second.as<StrObj>()->value);
    return true;
  }
  for (const Value& v : in.to_vector(it->second)) {
    if (v.is(ObjKind::Str)) names.push_back(v.as<StrObj>()->value);
  }
  return true;
}

// The slot names of `cls` and its bases; false when its instances have a __dict__.
bool all_slots(Interp& in, const ClassObj* cls, std::vector<std::string>& names) {
  if (cls->attrs.find("__slots__") == cls->attrs.end()) return false;  // the common case, without the MRO
  for (const ClassObj* c : cls->mro()) {
    if (c == builtin_class(BuiltinType::Object)) continue;
    if (!declared_slots(in, c, names)) return false;
  }
  for (const std::string& n : names)
    if (n == "__dict__") return false;
  return true;
}

}  // namespace

std::vector<std::string> slot_names(Interp& in, const ClassObj* cls) {
  std::vector<std::string> names;
  for (const ClassObj* c : cls->mro()) declared_slots(in, c, names);
  return names;
}

bool instance_has_dict(Interp& in, const ClassObj* cls) {
  std::vector<std::string> names;
  return !all_slots(in, cls, names);
}

void check_slot_assignment(Interp& in, const ClassObj* cls, const std::string& name, const Value* class_attr) {
  std::vector<std::string> names;
  if (!all_slots(in, cls, names)) return;
  for (const std::string& n : names)
    if (n == name) return;
  if (class_attr) raise(Exc::AttributeError, "'" + cls->name + "' object attribute '" + name + "' is read-only");
  raise(Exc::AttributeError, "'" + cls->name + "' object has no attribute '" + name + "'");
}

}  // namespace loopscope::script
