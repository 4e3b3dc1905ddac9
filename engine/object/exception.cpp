#include "engine/object/exception.hpp"

#include <array>

namespace loopscope {

std::string ClassObj::repr() const {
  return "<class '" + (module == "builtins" ? name : module + "." + name) + "'>";
}

bool ClassObj::is_subclass_of(const ClassObj* other) const {
  for (const ClassObj* c = this; c; c = c->base.get()) {
    if (c == other) return true;
  }
  // ExceptionGroup derives from both BaseExceptionGroup and Exception; the
  // model has one base, so the second edge is spelled out here.
  if (other == exc_class(Exc::BaseExceptionGroup)) {
    return is_subclass_of(exc_class(Exc::ExceptionGroup));
  }
  return false;
}

std::string ClassObj::qualified_name() const {
  if (module == "builtins" || module == "__main__") return name;
  return module + "." + name;
}

std::string ExceptionObj::str() const {
  if (!exceptions.empty() && !args.empty() && is_instance_of(exc_class(Exc::BaseExceptionGroup))) {
    // BaseExceptionGroup.__str__: "msg (N sub-exception[s])".
    size_t n = exceptions.size();
    return loopscope::str(args[0]) + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")";
  }
  if (args.empty()) return "";
  // KeyError shows its key's repr (KeyError('x') prints as 'x').
  if (args.size() == 1 && is_instance_of(exc_class(Exc::KeyError))) return loopscope::repr(args[0]);
  if (args.size() == 1) return loopscope::str(args[0]);
  return TupleObj(args).repr();
}

std::string ExceptionObj::repr() const {
  if (args.size() == 1) return cls->name + "(" + loopscope::repr(args[0]) + ")";
  std::string inner = TupleObj(args).repr();
  if (args.empty()) return cls->name + "()";
  return cls->name + inner;
}

namespace {

struct ExcSpec {
  Exc id;
  const char* name;
  const char* module;
  Exc base;
};

// CPython's hierarchy, the part the subset uses. Bases come before subclasses.
constexpr ExcSpec kSpecs[] = {
    {Exc::BaseException, "BaseException", "builtins", Exc::Count},
    {Exc::SystemExit, "SystemExit", "builtins", Exc::BaseException},
    {Exc::KeyboardInterrupt, "KeyboardInterrupt", "builtins", Exc::BaseException},
    {Exc::GeneratorExit, "GeneratorExit", "builtins", Exc::BaseException},
    {Exc::Exception, "Exception", "builtins", Exc::BaseException},
    {Exc::ArithmeticError, "ArithmeticError", "builtins", Exc::Exception},
    {Exc::ZeroDivisionError, "ZeroDivisionError", "builtins", Exc::ArithmeticError},
    {Exc::OverflowError, "OverflowError", "builtins", Exc::ArithmeticError},
    {Exc::AssertionError, "AssertionError", "builtins", Exc::Exception},
    {Exc::AttributeError, "AttributeError", "builtins", Exc::Exception},
    {Exc::LookupError, "LookupError", "builtins", Exc::Exception},
    {Exc::IndexError, "IndexError", "builtins", Exc::LookupError},
    {Exc::KeyError, "KeyError", "builtins", Exc::LookupError},
    {Exc::NameError, "NameError", "builtins", Exc::Exception},
    {Exc::UnboundLocalError, "UnboundLocalError", "builtins", Exc::NameError},
    {Exc::RuntimeError, "RuntimeError", "builtins", Exc::Exception},
    {Exc::RecursionError, "RecursionError", "builtins", Exc::RuntimeError},
    {Exc::NotImplementedError, "NotImplementedError", "builtins", Exc::RuntimeError},
    {Exc::StopIteration, "StopIteration", "builtins", Exc::Exception},
    {Exc::StopAsyncIteration, "StopAsyncIteration", "builtins", Exc::Exception},
    {Exc::TypeError, "TypeError", "builtins", Exc::Exception},
    {Exc::ValueError, "ValueError", "builtins", Exc::Exception},
    {Exc::OSError, "OSError", "builtins", Exc::Exception},
    {Exc::TimeoutError, "TimeoutError", "builtins", Exc::OSError},
    {Exc::CancelledError, "CancelledError", "asyncio.exceptions", Exc::BaseException},
    {Exc::InvalidStateError, "InvalidStateError", "asyncio.exceptions", Exc::Exception},
    {Exc::QueueEmpty, "QueueEmpty", "asyncio.queues", Exc::Exception},
    {Exc::QueueFull, "QueueFull", "asyncio.queues", Exc::Exception},
    {Exc::BaseExceptionGroup, "BaseExceptionGroup", "builtins", Exc::BaseException},
    {Exc::ExceptionGroup, "ExceptionGroup", "builtins", Exc::Exception},
};

std::array<ClassObj*, static_cast<size_t>(Exc::Count)> build_classes() {
  std::array<ClassObj*, static_cast<size_t>(Exc::Count)> classes{};
  for (const ExcSpec& s : kSpecs) {
    Ref<ClassObj> base = s.base == Exc::Count ? nullptr : classes[static_cast<size_t>(s.base)];
    auto* c = new ClassObj(s.name, s.module, base);
    incref(c);  // built-in classes live for the whole process
    classes[static_cast<size_t>(s.id)] = c;
  }
  return classes;
}

}  // namespace

ClassObj* exc_class(Exc e) {
  static const auto classes = build_classes();
  return classes[static_cast<size_t>(e)];
}

Ref<ExceptionObj> make_exc(Exc e, std::string msg) {
  std::vector<Value> args;
  if (!msg.empty()) args.push_back(str_value(std::move(msg)));
  return make_exc(e, std::move(args));
}

Ref<ExceptionObj> make_exc(Exc e, std::vector<Value> args) {
  return make<ExceptionObj>(Ref<ClassObj>(exc_class(e)), std::move(args));
}

}  // namespace loopscope
