#pragma once
// The script language's runtime objects: functions, bound methods,
// natives, instances of user classes, closure cells, modules, ranges,
// iterators, slices. Built-in types are ClassObj values too, so that
// type(x), isinstance and `type(x).__name__` work uniformly.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/object/dict.hpp"
#include "engine/object/exception.hpp"
#include "engine/script/compiler/chunk.hpp"

namespace loopscope::script {

class Interp;

// Objects that may sit in reference cycles (a closure holding itself, a
// class holding methods that hold the class, instances pointing at each
// other) register here; at the end of a run the registry clears them,
// which breaks the cycles (CPython's collector does this at exit).
class CycleRoot {
 public:
  CycleRoot();
  virtual ~CycleRoot();
  CycleRoot(const CycleRoot&) = delete;
  CycleRoot& operator=(const CycleRoot&) = delete;
  virtual Object* as_object() = 0;
  virtual void clear_refs() = 0;
  // Clears every registered object of this thread.
  static void clear_all();

 private:
  CycleRoot* prev_ = nullptr;
  CycleRoot* next_ = nullptr;
};

struct CallArgs {
  std::vector<Value> pos;
  std::vector<std::pair<std::string, Value>> kw;
};

using NativeFn = Value (*)(Interp&, const Value& self, CallArgs&);

// A built-in function or a built-in method bound to `self`.
class NativeObj final : public Object {
 public:
  NativeObj(std::string name, NativeFn fn, Value self = {})
      : Object(ObjKind::Function), name(std::move(name)), fn(fn), self(std::move(self)) {}
  std::string type_name() const override { return self.is_none() ? "builtin_function_or_method" : "builtin_function_or_method"; }
  std::string repr() const override { return "<built-in function " + name + ">"; }
  std::string name;
  NativeFn fn;
  Value self;
};

class ModuleObj final : public Object {
 public:
  explicit ModuleObj(std::string name) : Object(ObjKind::Other), name(std::move(name)) {}
  std::string type_name() const override { return "module"; }
  std::string repr() const override { return "<module '" + name + "'>"; }
  std::string name;
  std::unordered_map<std::string, Value> globals;
  // A module CPython writes in C (sqlite3): its script source's frames
  // stay out of tracebacks, as C functions leave none there.
  bool frames_hidden = false;
  // The program's own module (__main__): its frames are the lines of the
  // user's file that the window marks.
  bool user_file = false;
  // The names the program's code assigned, in first-assignment order (a
  // dict's order, which interpreter exit clears __main__ in).
  std::vector<std::string> order;
  void store(const std::string& key, Value v) {
    auto [it, fresh] = globals.try_emplace(key);
    if (fresh) order.push_back(key);
    it->second = std::move(v);
  }
  // Bumped when a name goes (its entry with it): LoadGlobal's caches hold
  // pointers to entries (vm/calls.cpp).
  uint32_t epoch = 0;
  bool remove(const std::string& key) {
    if (!globals.erase(key)) return false;
    ++epoch;
    std::erase(order, key);
    return true;
  }
};

class CellObj final : public Object, public CycleRoot {
 public:
  CellObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "cell"; }
  Object* as_object() override { return this; }
  void clear_refs() override { value = Value(); }
  Value value;
  bool bound = false;
};

class FunctionObj final : public Object, public CycleRoot {
 public:
  explicit FunctionObj(Ref<CodeObj> code)
      : Object(ObjKind::Function), code(std::move(code)), name(this->code->name), qualname(this->code->qualname),
        doc(this->code->doc) {}
  std::string type_name() const override { return "function"; }
  std::string repr() const override { return "<function " + qualname + " at 0x?>"; }
  Object* as_object() override { return this; }
  void clear_refs() override {
    defaults.clear();
    kwdefaults.clear();
    closure.clear();
    owner.reset();
    dict.reset();
    module.reset();
    doc = Value();
    annotations = Value();
  }
  Ref<CodeObj> code;
  // __name__ and __qualname__ (writable, as functools.wraps does; a
  // coroutine takes its name from the function that made it), __doc__,
  // and __dict__ (made on first use).
  std::string name, qualname;
  Value doc;
  Value annotations;  // __annotations__: a dict, made empty on first use when the def had none
  Ref<DictObj> dict;
  std::vector<Value> defaults;                 // for the last positional parameters
  std::map<std::string, Value> kwdefaults;
  std::vector<Ref<CellObj>> closure;           // one per code->freevars
  Ref<ClassObj> owner;                         // the class whose body defined it (for super())
  Ref<ModuleObj> module;                       // its globals; null: the program's (__main__)
};

class BoundMethodObj final : public Object {
 public:
  BoundMethodObj(Value self, Value func) : Object(ObjKind::Other), self(std::move(self)), func(std::move(func)) {}
  std::string type_name() const override { return "method"; }
  std::string repr() const override;
  Value self;
  Value func;
};

// An instance of a user class (not an exception: those are ExceptionObj).
class InstanceObj final : public Object, public CycleRoot {
 public:
  explicit InstanceObj(Ref<ClassObj> cls) : Object(ObjKind::Instance), cls(std::move(cls)) {}
  std::string type_name() const override { return cls->name; }
  std::string repr() const override;
  Object* as_object() override { return this; }
  void clear_refs() override {
    attrs.clear();
    base = Value();
  }
  Ref<ClassObj> cls;
  std::map<std::string, Value> attrs;
  // The names of `attrs` in assignment order (__dict__'s order); may hold
  // names since deleted or repeated (readers skip them).
  std::vector<std::string> order;
  const Value* number_base() const override { return base.is_int() || base.is_float() ? &base : nullptr; }
  KeyProtocol* key_protocol() const override { return cls->key_protocol; }
  // The engine object an engine base class made (the Queue of a Queue
  // subclass, made by super().__init__), or the number an instance of an
  // int or float subclass holds; None for other classes.
  Value base;
};

// The number of an instance of a user subclass of int or float, or null.
inline const Value* number_base(const Value& v) { return v.is(ObjKind::Instance) ? v.obj()->number_base() : nullptr; }
// `v`, or the number or plain str it holds when it is an instance of a
// subclass of int, float or str.
Value plain_value(const Value& v);

// A user class whose attributes may hold methods that refer back to it.
class UserClassRoot final : public CycleRoot {
 public:
  explicit UserClassRoot(Ref<ClassObj> c) : cls(std::move(c)) {}
  Object* as_object() override { return cls.get(); }
  void clear_refs() override { cls->attrs.clear(); }
  Ref<ClassObj> cls;
};

// property(fget, fset, fdel, doc): a data descriptor on a class.
class PropertyObj final : public Object {
 public:
  PropertyObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "property"; }
  std::string repr() const override { return "<property object at 0x?>"; }
  Value fget, fset, fdel, doc;
  std::string name;  // set when the class is made (__set_name__)
};

// classmethod(f) and staticmethod(f).
class MethodWrapperObj final : public Object {
 public:
  enum class Kind : uint8_t { ClassMethod, StaticMethod };
  MethodWrapperObj(Kind k, Value f) : Object(ObjKind::Other), kind(k), func(std::move(f)) {}
  std::string type_name() const override { return kind == Kind::ClassMethod ? "classmethod" : "staticmethod"; }
  std::string repr() const override;
  Kind kind;
  Value func;
};

class RangeObj final : public Object {
 public:
  RangeObj(int64_t a, int64_t b, int64_t s) : Object(ObjKind::Other), start(a), stop(b), step(s) {}
  std::string type_name() const override { return "range"; }
  std::string repr() const override;
  int64_t length() const;
  int64_t start, stop, step;
};

class SliceObj final : public Object {
 public:
  SliceObj(Value a, Value b, Value c) : Object(ObjKind::Other), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
  std::string type_name() const override { return "slice"; }
  std::string repr() const override;
  Value start, stop, step;
};

// A native iterator: `next` yields items until it returns false.
class IterObj final : public Object {
 public:
  using Next = std::function<bool(Interp&, Value&)>;
  IterObj(std::string type, Next next) : Object(ObjKind::Other), type(std::move(type)), next(std::move(next)) {}
  std::string type_name() const override { return type; }
  std::string type;
  Next next;
};

// dict.keys() / values() / items().
class DictViewObj final : public Object {
 public:
  enum class Which : uint8_t { Keys, Values, Items };
  DictViewObj(Ref<DictObj> d, Which w) : Object(ObjKind::Other), dict(std::move(d)), which(w) {}
  std::string type_name() const override {
    return which == Which::Keys ? "dict_keys" : which == Which::Values ? "dict_values" : "dict_items";
  }
  std::string repr() const override;
  Ref<DictObj> dict;
  Which which;
};

class SuperObj final : public Object {
 public:
  SuperObj(Ref<ClassObj> start, Value self) : Object(ObjKind::Other), start(std::move(start)), self(std::move(self)) {}
  std::string type_name() const override { return "super"; }
  Ref<ClassObj> start;  // lookup begins at start->base
  Value self;
};

class EllipsisObj final : public Object {
 public:
  EllipsisObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "ellipsis"; }
  std::string repr() const override { return "Ellipsis"; }
};
Value ellipsis_value();

// NotImplemented: what a binary or comparison method returns to let the
// other operand's reflected method (or the fallback) answer.
class NotImplementedObj final : public Object {
 public:
  NotImplementedObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "NotImplementedType"; }
  std::string repr() const override { return "NotImplemented"; }
};
Value not_implemented_value();
bool is_not_implemented(const Value& v);

// Built-in types as classes.
enum class BuiltinType : uint8_t {
  Object, Type, NoneType, Bool, Int, Float, Str, List, Tuple, Dict, Set, Range, Function,
  BuiltinFunction, Method, Coroutine, Module, Slice, Iterator, Future, Task, Bytes, ByteArray, Count,
};
ClassObj* builtin_class(BuiltinType t);
// type(v) as a class.
ClassObj* class_of(const Value& v);
// The class of engine objects whose type_name() is `type_name` (made once
// per process); with `ctor`, calling the class calls it (asyncio.Queue).
ClassObj* engine_class(const std::string& type_name, const std::string& module, NativeFn ctor);
NativeFn engine_constructor(const ClassObj* cls);
// The constructor of the nearest engine class in a user class's MRO (asyncio.Queue for
// `class MyQueue(asyncio.Queue)`), or null.
NativeFn engine_base_constructor(const ClassObj* cls);
bool is_exception_class(const ClassObj* c);
// The built-in exception classes outside the engine's Exc list, by name
// (FileNotFoundError, UnicodeDecodeError, ...), or nullptr.
ClassObj* builtin_exception(const std::string& name);
// The UserPart of an instance of a dict/list/tuple/set/str subclass, or null
// (vm/builtin_subclass.cpp).
UserPart* user_part(const Value& v);
inline ClassObj* user_class(const UserPart* u) { return static_cast<ClassObj*>(u->cls.get()); }
// dict, list, tuple, set, str, int or float when `cls` derives from it, else null.
ClassObj* builtin_base(const ClassObj* cls);
// Registers dict.__getitem__, list.__init__, ... (the built-in operations).
void install_container_dunders();
// Registers str.__repr__, int.__add__, float.__format__, ... (vm/value_subclass.cpp).
void install_value_dunders();
// Registers Queue._init/_put/_get/_qsize, the storage hooks a subclass
// overrides (vm/engine_subclass.cpp).
void install_queue_storage_methods();
// tuple.__new__(cls, ...) and the like; `self` is the built-in class.
Value builtin_new(Interp& in, const Value& self, CallArgs& a);
Value dict_fromkeys(Interp& in, const Value& self, CallArgs& a);
// type.__new__, object.__new__, type.__call__, object.__init_subclass__
// for `self` (a class or instance) whose class `owner` has no own one
// (vm/metaclass.cpp).
bool type_native_attr(const Value& self, ClassObj* owner, const std::string& name, Value& out);

}  // namespace loopscope::script
