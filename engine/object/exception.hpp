#pragma once
// Classes and exception objects.
//
// ClassObj is a Python class: a name, a module, one base, and attributes.
// Built-in exception classes form CPython's hierarchy (the part the subset
// uses); the script VM creates user classes, including user exceptions that
// derive from them. ExceptionObj is an instance of an exception class.

#include <map>
#include <string>
#include <vector>

#include "engine/object/value.hpp"

namespace loopscope {

namespace script {
struct NativeTables;
}

class ClassObj : public Object {
 public:
  ClassObj(std::string name, std::string module, Ref<ClassObj> base)
      : Object(ObjKind::Class), name(std::move(name)), module(std::move(module)), base(std::move(base)) {}
  std::string type_name() const override { return "type"; }
  std::string repr() const override;
  // True when this class is `other` or derives from it.
  bool is_subclass_of(const ClassObj* other) const;
  // The name the traceback module prints: module-qualified unless the
  // module is builtins or __main__.
  std::string qualified_name() const;

  // The method resolution order, this class first: C3 over `bases` for
  // classes made by set_bases, else the chain of `base`.
  std::vector<const ClassObj*> mro() const;
  // The MRO set_bases computed, or null (follow `base`).
  const std::vector<const ClassObj*>* computed_mro() const { return mro_.empty() ? nullptr : &mro_; }
  // Sets `bases` (and `base`, the first) and computes the MRO; returns
  // false when no consistent order exists (`mro_` is then left empty).
  bool set_bases(std::vector<Ref<ClassObj>> bs);

  std::string name;
  std::string qualname;  // empty: the same as name
  std::string module;
  Ref<ClassObj> base;
  std::vector<Ref<ClassObj>> bases;    // explicit bases; empty: just `base`
  std::map<std::string, Value> attrs;  // ordered: iteration never leaks addresses
  std::vector<std::string> order;      // the names of attrs in definition order (as far as known)
  Ref<ClassObj> meta;                  // its metaclass when not `type`
  // Hashes and compares its instances as dict/set keys (the interpreter
  // that made a user class); null for built-in classes.
  KeyProtocol* key_protocol = nullptr;
  // The methods and data attributes a built-in or engine type implements
  // natively (script/runtime/methods.hpp); null for user classes.
  std::shared_ptr<script::NativeTables> native;

 private:
  std::vector<const ClassObj*> mro_;   // set by set_bases when bases.size() > 1
};

// One line of a Python-style traceback.
struct TracebackEntry {
  std::string file;
  int line = 0;
  std::string function;
  std::string source;  // the stripped source line, may be empty
};

class ExceptionObj : public Object {
 public:
  ExceptionObj(Ref<ClassObj> cls, std::vector<Value> args)
      : Object(ObjKind::Exception), cls(std::move(cls)), args(std::move(args)) {}
  std::string type_name() const override { return cls->name; }
  // str(exc): '' for no args, str(arg) for one, repr(args) for more.
  std::string str() const override;
  std::string repr() const override;
  bool is_instance_of(const ClassObj* c) const { return cls->is_subclass_of(c); }

  Ref<ClassObj> cls;
  std::vector<Value> args;
  Ref<ExceptionObj> cause;
  Ref<ExceptionObj> context;
  bool suppress_context = false;
  std::vector<TracebackEntry> traceback;  // outermost first
  // The locals of the traceback's frames (in a task): CPython's traceback
  // keeps those frames alive, so when they lead back to the task failing
  // with this exception, it sits in a reference cycle, here as there
  // (engine/loop/cycles.hpp).
  std::vector<Value> kept_locals;
  std::map<std::string, Value> attrs;     // user attributes on the instance
  // ExceptionGroup's sub-exceptions (empty otherwise).
  std::vector<Ref<ExceptionObj>> exceptions;
};

// The built-in exception classes the engine and the language know.
enum class Exc : uint8_t {
  BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
  ArithmeticError, ZeroDivisionError, OverflowError, AssertionError, AttributeError,
  LookupError, IndexError, KeyError, NameError, UnboundLocalError, RuntimeError,
  RecursionError, NotImplementedError, StopIteration, StopAsyncIteration, TypeError,
  ValueError, OSError, TimeoutError, CancelledError, InvalidStateError, QueueEmpty,
  QueueFull, BaseExceptionGroup, ExceptionGroup, BrokenBarrierError, Count,
};

ClassObj* exc_class(Exc e);
Ref<ExceptionObj> make_exc(Exc e, std::string msg = {});
Ref<ExceptionObj> make_exc(Exc e, std::vector<Value> args);
inline bool is_exc(const ExceptionObj* x, Exc e) { return x && x->is_instance_of(exc_class(e)); }

// Thrown through C++ code (and C++ coroutines) to carry a Python exception.
struct PyError {
  Ref<ExceptionObj> exc;
  // Raised in a frame the interpreter ran for the catcher (a call, a
  // generator, an awaited coroutine): its __context__ was settled at the
  // raise and stays as it is.
  bool propagated = false;
};

}  // namespace loopscope
