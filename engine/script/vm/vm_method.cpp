// LoadMethod and CallMethod: `obj.name(args)` without a bound method.
//
// LoadMethod replaces obj on the stack with two values:
//   [native, obj]    a native method of obj's type object (the function
//                    pointer, tagged as an int: CallMethod consumes it and
//                    no Python code ever sees it);
//   [function, obj]  a plain function found on a user instance's class;
//   [None, attr]     anything else: what getattr(obj, name) gives.
// CallMethod then calls the method with obj first, or the attribute.
// Each LoadMethod keeps a cache: the type object it last saw and the
// native method that type's table gave for the name.

#include <typeinfo>

#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {
namespace {

Value native_marker(NativeFn fn) { return Value::integer(static_cast<int64_t>(reinterpret_cast<intptr_t>(fn))); }
NativeFn marked_native(const Value& v) { return reinterpret_cast<NativeFn>(static_cast<intptr_t>(v.as_int())); }

// True when getattr(obj, name) goes straight to obj's native tables
// (Interp::lookup_attr: no instance dict, class, module or super first).
bool native_lookup_applies(const Value& obj, const std::string& name) {
  if (obj.is_none() || name == "__class__") return false;
  Object* o = obj.obj();
  if (!o) return true;
  switch (o->kind()) {
    case ObjKind::Instance: case ObjKind::Class: case ObjKind::Exception: case ObjKind::Function: return false;
    default: break;
  }
  if (user_part(obj)) return false;
  const std::type_info& t = typeid(*o);
  return t != typeid(ModuleObj) && t != typeid(SuperObj);
}

// What native_lookup_applies asks of the value itself, without the type
// checks: with a type object the instruction's cache already holds, it
// decides (the cache only ever holds a type native lookup applied to, and
// modules and super objects have types of their own).
bool plain_engine_value(const Value& obj) {
  if (obj.is_none()) return false;
  Object* o = obj.obj();
  if (!o) return true;
  switch (o->kind()) {
    case ObjKind::Instance: case ObjKind::Class: case ObjKind::Exception: case ObjKind::Function: return false;
    default: break;
  }
  return !user_part(obj);
}

// The native method `name` of obj's type, through the instruction's cache.
NativeFn cached_native(InlineCache& cache, const Value& obj, const std::string& name) {
  ClassObj* type = native_type(obj);
  if (cache.owner == type) return cache.fn;
  if (find_property(obj, name)) return nullptr;
  NativeFn fn = find_method(obj, name);
  if (fn) {
    cache.owner = type;
    cache.fn = fn;
  }
  return fn;
}

}  // namespace

void Interp::load_method(Frame& f, const std::string& name) {
  std::vector<Value>& st = f.stack;
  Value obj = std::move(st.back());
  auto& caches = f.code->chunk.caches;
  if (caches.empty()) caches.resize(f.code->chunk.code.size());
  InlineCache& cache = caches[f.ip];
  if (cache.owner && plain_engine_value(obj) && native_type(obj) == cache.owner) {
    st.back() = native_marker(cache.fn);
    st.push_back(std::move(obj));
    return;
  }
  if (native_lookup_applies(obj, name)) {
    if (NativeFn fn = cached_native(cache, obj, name)) {
      st.back() = native_marker(fn);
      st.push_back(std::move(obj));
      return;
    }
  } else if (obj.is(ObjKind::Instance) && name != "__class__" && name != "__dict__" && name != "__user__") {
    auto* inst = static_cast<InstanceObj*>(obj.obj());
    const Value* m = class_lookup(inst->cls.get(), name);
    if (m && m->obj() && typeid(*m->obj()) == typeid(FunctionObj) && !inst->attrs.count(name)) {
      st.back() = *m;
      st.push_back(std::move(obj));
      return;
    }
  }
  st.back() = Value();
  st.push_back(getattr(obj, name));
}

Value Interp::call_method(std::vector<Value>& st, uint32_t argc) {
  size_t base = st.size() - argc - 2;
  Value method = std::move(st[base]);
  Value self = std::move(st[base + 1]);
  CallArgs a;
  if (method.is_int()) {
    a.pos.assign(std::make_move_iterator(st.end() - argc), std::make_move_iterator(st.end()));
    st.resize(base);
    return marked_native(method)(*this, self, a);
  }
  if (method.is_none()) {
    a.pos.assign(std::make_move_iterator(st.end() - argc), std::make_move_iterator(st.end()));
    st.resize(base);
    return call(self, a);
  }
  a.pos.reserve(argc + 1);
  a.pos.push_back(std::move(self));
  for (size_t i = base + 2; i < st.size(); ++i) a.pos.push_back(std::move(st[i]));
  st.resize(base);
  return call_function(Ref<FunctionObj>(static_cast<FunctionObj*>(method.obj())), a);
}

Value Interp::call_method_kw(std::vector<Value>& st, uint32_t argc) {
  Value names = std::move(st.back());
  st.pop_back();
  const std::vector<Value>& kn = names.as<TupleObj>()->items;
  size_t nkw = kn.size(), npos = argc - nkw;
  size_t base = st.size() - argc - 2;
  Value method = std::move(st[base]);
  Value self = std::move(st[base + 1]);
  bool function = !method.is_int() && !method.is_none();
  CallArgs a;
  a.pos.reserve(npos + (function ? 1 : 0));
  if (function) a.pos.push_back(self);
  for (size_t i = 0; i < npos; ++i) a.pos.push_back(std::move(st[base + 2 + i]));
  a.kw.reserve(nkw);
  for (size_t i = 0; i < nkw; ++i) a.kw.emplace_back(kn[i].as<StrObj>()->value, std::move(st[base + 2 + npos + i]));
  st.resize(base);
  if (method.is_int()) return marked_native(method)(*this, self, a);
  if (method.is_none()) return call(self, a);
  return call_function(Ref<FunctionObj>(static_cast<FunctionObj*>(method.obj())), a);
}

}  // namespace loopscope::script
