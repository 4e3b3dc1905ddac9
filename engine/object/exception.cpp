#include "engine/object/exception.hpp"

#include <array>

namespace loopscope {

std::string ClassObj::repr() const {
  const std::string& q = qualname.empty() ? name : qualname;
  return "<class '" + (module == "builtins" ? q : module + "." + q) + "'>";
}

std::vector<const ClassObj*> ClassObj::mro() const {
  if (!mro_.empty()) return mro_;
  std::vector<const ClassObj*> out;
  for (const ClassObj* c = this; c; c = c->base.get()) out.push_back(c);
  return out;
}

namespace {

// C3 linearisation: merge the bases' MROs and the list of bases, each
// step taking the first head that is in no list's tail.
bool c3_merge(std::vector<std::vector<const ClassObj*>> seqs, std::vector<const ClassObj*>& out) {
  auto in_tail = [&](const ClassObj* c) {
    for (const auto& s : seqs)
      for (size_t i = 1; i < s.size(); ++i)
        if (s[i] == c) return true;
    return false;
  };
  for (;;) {
    const ClassObj* next = nullptr;
    bool any = false;
    for (const auto& s : seqs) {
      if (s.empty()) continue;
      any = true;
      if (!in_tail(s[0])) {
        next = s[0];
        break;
      }
    }
    if (!any) return true;
    if (!next) return false;
    out.push_back(next);
    for (auto& s : seqs)
      if (!s.empty() && s[0] == next) s.erase(s.begin());
  }
}

}  // namespace

bool ClassObj::set_bases(std::vector<Ref<ClassObj>> bs) {
  bases = std::move(bs);
  base = bases.empty() ? nullptr : bases[0];
  mro_.clear();
  std::vector<std::vector<const ClassObj*>> seqs;
  std::vector<const ClassObj*> direct;
  for (const Ref<ClassObj>& b : bases) {
    seqs.push_back(b->mro());
    direct.push_back(b.get());
  }
  seqs.push_back(direct);
  std::vector<const ClassObj*> out{this};
  if (bases.size() == 1) seqs.pop_back();
  if (!c3_merge(std::move(seqs), out)) return false;
  mro_ = std::move(out);
  return true;
}

bool ClassObj::is_subclass_of(const ClassObj* other) const {
  if (!mro_.empty()) {
    for (const ClassObj* c : mro_)
      if (c == other) return true;
  }
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
  const std::string& q = qualname.empty() ? name : qualname;
  if (module == "builtins" || module == "__main__") return q;
  return module + "." + q;
}

std::string ExceptionObj::str() const {
  if (!exceptions.empty() && !args.empty() && is_instance_of(exc_class(Exc::BaseExceptionGroup))) {
    // BaseExceptionGroup.__str__: "msg (N sub-exception[s])".
    size_t n = exceptions.size();
    return loopscope::str(args[0]) + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")";
  }
  if (args.empty()) return "";
  // OSError(errno, strerror[, filename]): "[Errno 2] No such file or directory: 'x.txt'".
  if (args.size() == 2 && is_instance_of(exc_class(Exc::OSError))) {
    std::string out = "[Errno " + loopscope::str(args[0]) + "] " + loopscope::str(args[1]);
    auto f = attrs.find("filename");
    if (f != attrs.end() && !f->second.is_none()) out += ": " + loopscope::repr(f->second);
    auto f2 = attrs.find("filename2");
    if (f2 != attrs.end() && !f2->second.is_none()) out += " -> " + loopscope::repr(f2->second);
    return out;
  }
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
    {Exc::BrokenBarrierError, "BrokenBarrierError", "asyncio.exceptions", Exc::RuntimeError},
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
