#pragma once
// Descriptors: what an attribute found on a class becomes when it is read
// through an instance or through the class. Functions bind to the instance,
// classmethod binds to the class, staticmethod unwraps, property calls its
// getter (and, being a data descriptor, wins over the instance's __dict__).

#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

// `attr` found on `type` (or a base), read through the instance `self`.
Value descriptor_get(Interp& in, const Value& attr, const Value& self, ClassObj* type);
// `attr` found on `cls` (or a base), read through the class itself.
Value descriptor_get_class(const Value& attr, ClassObj* cls);
// A property: it takes over setting and deleting too.
PropertyObj* as_property(const Value& attr);
// obj.name = *v through a property (v null: del obj.name).
void property_set(Interp& in, PropertyObj* p, const Value& self, const Value* v);

void install_descriptor_builtins(Interp& in);
// dir() and globals() (introspect.cpp).
void install_introspection(Interp& in);
// BaseException.add_note (introspect.cpp).
Value exc_add_note(Interp& in, const Value& self, CallArgs& a);

// The method `name` registered on the type object `type`, or null
// (methods.cpp).
NativeFn find_type_method(const ClassObj* type, const std::string& name);

}  // namespace loopscope::script
