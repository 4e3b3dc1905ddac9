#pragma once
// The engine's object model: the values that futures carry, that the trace
// renders, and that the script VM computes with.
//
// A Value is a small tagged union: None, bool, int (64-bit), float, or a
// counted reference to a heap Object. An int that does not fit 64 bits is a
// BigIntObj (bigint.hpp); every int result that fits is unboxed again.
// Heap objects say what they are through
// ObjKind so hot paths can test kinds without dynamic_cast.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/object/ref.hpp"

namespace loopscope {

enum class ObjKind : uint8_t {
  Str, Bytes, Tuple, List, Dict, Set, Class, Exception,
  Future, Task, Coroutine, Handle, Function, Instance, Other,
  BigInt,  // an int beyond 64 bits (engine/object/bigint.hpp); smaller ones are unboxed
};

class Value;
class ClassObj;

// hash() and == of keys whose class defines __hash__/__eq__ in script code:
// dict and set tables ask the object's protocol (the interpreter that made
// its class) instead of hashing by identity.
class KeyProtocol {
 public:
  virtual uint64_t key_hash(const Value& v) = 0;
  virtual bool key_equal(const Value& a, const Value& b) = 0;

 protected:
  ~KeyProtocol() = default;
};

class Object : public RefCounted {
 public:
  explicit Object(ObjKind k) : kind_(k) {}
  virtual ~Object() = default;
  ObjKind kind() const { return kind_; }
  // The Python type name, as type(x).__name__ gives it.
  virtual std::string type_name() const = 0;
  // repr(x) and str(x), as Python prints them.
  virtual std::string repr() const;
  virtual std::string str() const { return repr(); }
  // Called when the last reference goes, before the destructor: the place
  // for CPython's __del__-time reports. Must not resurrect the object.
  virtual void finalize() {}
  // hash(x) of an object hashed by identity. CPython uses the address; the
  // transcript rules fix a creation number for futures and tasks (so a set
  // of tasks iterates the same way on every machine), and the address, which
  // only orders objects of other kinds, stays the default.
  virtual uint64_t identity_hash() const;
  // The int or float an instance of a user subclass of int or float holds
  // (class Flags(int)); null for every other object.
  virtual const Value* number_base() const { return nullptr; }
  // Who hashes and compares this object as a dict or set key; null: the
  // built-in rules (identity for objects without a value).
  virtual KeyProtocol* key_protocol() const { return nullptr; }
  // The type object of an engine object that keeps it (the class its type
  // resolved to, cached on first use); null: the script runtime resolves
  // the type from the kind (script/runtime/methods.hpp, native_type).
  virtual ClassObj* type_object() const { return nullptr; }
  virtual void cache_type_object(ClassObj*) {}

 private:
  ObjKind kind_;
};

inline void incref(Object* o) { ++o->refs_; }
inline void decref(Object* o) {
  if (--o->refs_ == 0) destroy_object(o);
}

class Value {
 public:
  enum class Tag : uint8_t { None, Bool, Int, Float, Obj };

  Value() = default;
  static Value none() { return {}; }
  static Value boolean(bool b) { Value v; v.tag_ = Tag::Bool; v.u_.b = b; return v; }
  static Value integer(int64_t i) { Value v; v.tag_ = Tag::Int; v.u_.i = i; return v; }
  static Value real(double d) { Value v; v.tag_ = Tag::Float; v.u_.d = d; return v; }
  template <class T>
  static Value object(const Ref<T>& r) { return object(static_cast<Object*>(r.get())); }
  static Value object(Object* o) {
    if (!o) return {};
    Value v; v.tag_ = Tag::Obj; v.u_.o = o; incref(o); return v;
  }

  Value(const Value& o) : tag_(o.tag_), u_(o.u_) { if (tag_ == Tag::Obj) incref(u_.o); }
  Value(Value&& o) noexcept : tag_(o.tag_), u_(o.u_) { o.tag_ = Tag::None; }
  Value& operator=(Value o) noexcept { swap(o); return *this; }
  ~Value() { if (tag_ == Tag::Obj) decref(u_.o); }
  void swap(Value& o) noexcept { std::swap(tag_, o.tag_); std::swap(u_, o.u_); }

  Tag tag() const { return tag_; }
  bool is_none() const { return tag_ == Tag::None; }
  bool is_bool() const { return tag_ == Tag::Bool; }
  bool is_int() const { return tag_ == Tag::Int; }
  bool is_float() const { return tag_ == Tag::Float; }
  bool is_obj() const { return tag_ == Tag::Obj; }
  bool is(ObjKind k) const { return tag_ == Tag::Obj && u_.o->kind() == k; }

  bool as_bool() const { return u_.b; }
  int64_t as_int() const { return u_.i; }
  double as_float() const { return u_.d; }
  Object* obj() const { return tag_ == Tag::Obj ? u_.o : nullptr; }
  template <class T> T* as() const { return static_cast<T*>(u_.o); }

  // Identity (Python `is`): same immediate, or same object.
  bool identical(const Value& o) const;

 private:
  Tag tag_ = Tag::None;
  union U { bool b; int64_t i; double d; Object* o; } u_{.i = 0};
};

// repr()/str() of any value, as CPython prints them.
std::string repr(const Value& v);
std::string str(const Value& v);
std::string type_name(const Value& v);
// Python's float repr: the shortest string that round-trips.
std::string float_repr(double d);
// Python's repr of a str: quotes chosen like CPython, escapes included.
std::string str_repr(std::string_view s);

// The part of a built-in container that is an instance of a user subclass
// (`class D(dict)`): its class (a ClassObj) and its own attributes. Plain
// containers have none. type_name() stays the built-in one (the methods
// are found by it); type(x) gives the user class.
struct UserPart {
  explicit UserPart(Ref<Object> c) : cls(std::move(c)) {}
  virtual ~UserPart() = default;
  UserPart(const UserPart&) = delete;
  UserPart& operator=(const UserPart&) = delete;
  Ref<Object> cls;
  std::map<std::string, Value> attrs;
};

class StrObj final : public Object {
 public:
  explicit StrObj(std::string s) : Object(ObjKind::Str), value(std::move(s)) {}
  std::string type_name() const override { return "str"; }
  std::string repr() const override { return str_repr(value); }
  std::string str() const override { return value; }
  std::string value;
  std::unique_ptr<UserPart> user;  // an instance of a str subclass (class Name(str))
};
inline Value str_value(std::string s) { return Value::object(new StrObj(std::move(s))); }

// Python's repr of bytes: b'...' with CPython's quote choice and escapes.
std::string bytes_repr(std::string_view s);

// bytes and bytearray: the same storage; a bytearray is mutable and unhashable.
class BytesObj final : public Object {
 public:
  BytesObj(std::string s, bool array) : Object(ObjKind::Bytes), value(std::move(s)), is_array(array) {}
  std::string type_name() const override { return is_array ? "bytearray" : "bytes"; }
  std::string repr() const override { return is_array ? "bytearray(" + bytes_repr(value) + ")" : bytes_repr(value); }
  std::string value;
  bool is_array;
};
inline Value bytes_value(std::string s, bool array = false) { return Value::object(new BytesObj(std::move(s), array)); }

class TupleObj final : public Object {
 public:
  explicit TupleObj(std::vector<Value> items = {}) : Object(ObjKind::Tuple), items(std::move(items)) {}
  std::string type_name() const override { return "tuple"; }
  std::string repr() const override;
  std::vector<Value> items;
  std::unique_ptr<UserPart> user;
};

class ListObj final : public Object {
 public:
  explicit ListObj(std::vector<Value> items = {}) : Object(ObjKind::List), items(std::move(items)) {}
  std::string type_name() const override { return "list"; }
  std::string repr() const override;
  std::vector<Value> items;
  std::unique_ptr<UserPart> user;
};

}  // namespace loopscope
