#pragma once
// Methods of built-in types (str, list, dict, set, tuple, ...) and of
// engine objects bound for scripts (Future, Task, Queue, ...), held by the
// value's type object (ClassObj::native); and the three formatting languages.

#include <initializer_list>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/script/runtime/objects.hpp"

namespace loopscope::script {

// Data attributes of engine objects (e.g. Queue.maxsize).
using PropertyFn = Value (*)(Interp&, const Value& self);

// What a built-in or engine type implements natively: its methods and
// data attributes. Filled at start-up (or when a module's types are first
// installed), then only read.
struct NativeTables {
  std::unordered_map<std::string, NativeFn> methods;
  std::unordered_map<std::string, PropertyFn> properties;
};

// The type object that holds `obj`'s native methods: type(obj), except
// that an instance of a subclass of str, list, dict, ... gives the
// built-in type it derives from.
ClassObj* native_type(const Value& obj);
// The method `name` of `obj`'s built-in or engine type, or nullptr.
NativeFn find_method(const Value& obj, const std::string& name);
// Adds methods to the type object `type`.
void register_methods(ClassObj* type, std::initializer_list<std::pair<const char*, NativeFn>> methods);
// The type object of the engine objects whose type_name() is `type_name`
// (Queue, re.Match, _io.StringIO, ...), made once.
inline ClassObj* engine_type(const std::string& type_name) { return engine_class(type_name, "builtins", nullptr); }

// methods_more.cpp: the rarer methods of str, int and float.
void install_more_methods();
// dict(m) / d.update(m) for an object with keys() (CPython's mapping
// test): m[k] for each k of m.keys(); false when `src` has no keys().
bool update_from_mapping(Interp& in, ValueTable& t, const Value& src);

PropertyFn find_property(const Value& obj, const std::string& name);
void register_properties(ClassObj* type, std::initializer_list<std::pair<const char*, PropertyFn>> props);

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
