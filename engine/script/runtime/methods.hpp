#pragma once
// Methods of built-in types (str, list, dict, set, tuple, ...) and of
// engine objects bound for scripts (Future, Task, Queue, ...), looked up
// by the value's type name; and the three formatting languages.

#include <initializer_list>
#include <string>
#include <utility>

#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

// The method `name` of `obj`'s built-in type, or nullptr.
NativeFn find_method(const Value& obj, const std::string& name);
// Adds methods for values whose type_name() is `type`.
void register_methods(const std::string& type, std::initializer_list<std::pair<const char*, NativeFn>> methods);

// methods_more.cpp: the rarer methods of str, int and float.
void install_more_methods();

// Data attributes of engine objects (e.g. Queue.maxsize).
using PropertyFn = Value (*)(Interp&, const Value& self);
PropertyFn find_property(const Value& obj, const std::string& name);
void register_properties(const std::string& type, std::initializer_list<std::pair<const char*, PropertyFn>> props);

// Sorts in place as list.sort does: stable, with key and reverse.
void sort_values(Interp& in, std::vector<Value>& items, const Value& key, bool reverse);
// Constructor of a built-in type class (int, str, list, ...), or nullptr.
NativeFn builtin_constructor(const ClassObj* cls);
// Makes calling `cls` (an engine object's type, e.g. io.StringIO) call `fn`.
void register_constructor(const ClassObj* cls, NativeFn fn);

// CPython's set algorithms (Objects/setobject.c), so results iterate in
// CPython's order: s.copy(), s.update(x), s & x, s - x, s ^ x and the
// in-place forms.
Ref<SetObj> set_copy(const SetTable& t);
void set_update(Interp& in, SetTable& so, const Value& other);
Ref<SetObj> set_intersection(Interp& in, SetObj* so, const Value& other);
Ref<SetObj> set_difference(Interp& in, SetObj* so, const Value& other);
void set_difference_update(Interp& in, SetTable& so, const Value& other);
Ref<SetObj> set_symmetric_difference(Interp& in, SetObj* so, const Value& other);
void set_symmetric_difference_update(Interp& in, SetObj* so, const Value& other);

// format(value, spec): the format-spec mini-language.
std::string format_spec(Interp& in, const Value& v, const std::string& spec);
// str % args
std::string percent_format(Interp& in, const std::string& fmt, const Value& args);
// str.format(*args, **kwargs)
std::string str_format(Interp& in, const std::string& fmt, const CallArgs& args);

}  // namespace loopscope::script
