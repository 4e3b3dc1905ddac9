// The type objects' native tables: registration, and lookup from a value
// through its type object (see methods.hpp).

#include <memory>

#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

// methods.cpp: the methods of str, list, tuple, dict, set and the rest of
// the built-in types, registered once.
void install_builtin_methods();

namespace {
NativeTables& tables_of(ClassObj* type) {
  if (!type->native) type->native = std::make_shared<NativeTables>();
  return *type->native;
}

// The tables of `obj`'s type, or null; the built-in types' methods are
// installed on first use.
const NativeTables* tables_for(const Value& obj) {
  static const bool installed = (install_builtin_methods(), true);
  (void)installed;
  if (obj.is_none()) return nullptr;
  return native_type(obj)->native.get();
}
}  // namespace

ClassObj* native_type(const Value& obj) {
  if (obj.is_obj()) {
    switch (obj.obj()->kind()) {
      case ObjKind::Str: return builtin_class(BuiltinType::Str);
      case ObjKind::Tuple: return builtin_class(BuiltinType::Tuple);
      case ObjKind::List: return builtin_class(BuiltinType::List);
      case ObjKind::Dict: return builtin_class(BuiltinType::Dict);
      case ObjKind::Set: return builtin_class(BuiltinType::Set);
      default: break;
    }
  }
  return class_of(obj);
}

void register_properties(ClassObj* type, std::initializer_list<std::pair<const char*, PropertyFn>> props) {
  auto& t = tables_of(type).properties;
  for (const auto& [n, f] : props) t[n] = f;
}

PropertyFn find_property(const Value& obj, const std::string& name) {
  const NativeTables* t = tables_for(obj);
  if (!t || t->properties.empty()) return nullptr;
  auto m = t->properties.find(name);
  return m == t->properties.end() ? nullptr : m->second;
}

void register_methods(ClassObj* type, std::initializer_list<std::pair<const char*, NativeFn>> methods) {
  auto& t = tables_of(type).methods;
  for (const auto& [n, f] : methods) t[n] = f;
}

NativeFn find_method(const Value& obj, const std::string& name) {
  const NativeTables* t = tables_for(obj);
  if (!t) return nullptr;
  auto m = t->methods.find(name);
  return m == t->methods.end() ? nullptr : m->second;
}

NativeFn find_type_method(const ClassObj* type, const std::string& name) {
  static const bool installed = (install_builtin_methods(), true);
  (void)installed;
  if (!type->native) return nullptr;
  auto m = type->native->methods.find(name);
  return m == type->native->methods.end() ? nullptr : m->second;
}


}  // namespace loopscope::script
