#pragma once
// The step protocol: what the Task drives.
//
// A coroutine is resumed by sending it a value or throwing an exception
// into it; it answers with one of four outcomes. Script frames (engine/
// script) and C++20 coroutines (engine/loop/co.hpp) both implement it.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/object/exception.hpp"

namespace loopscope {

class Future;

struct StepResult {
  enum class Kind : uint8_t { Future, BareYield, Return, Raise };
  Kind kind = Kind::Return;
  Ref<Future> future;        // Kind::Future: the future the coroutine waits on
  Value value;               // Kind::Return
  Ref<ExceptionObj> exc;     // Kind::Raise
};

// Where a suspended coroutine stands: its innermost line and its await chain.
struct SuspendFrame {
  std::string_view function;  // the code's name: valid while the coroutine is
  int line = 0;
  bool user = true;  // in the user's file (not a library's or asyncio's own source)
};

class Coroutine : public Object {
 public:
  Coroutine() : Object(ObjKind::Coroutine) {}
  std::string type_name() const override { return "coroutine"; }
  std::string repr() const override { return "<coroutine object " + qualname() + " at 0x?>"; }

  virtual StepResult send(Value v) = 0;
  virtual StepResult throw_exc(Ref<ExceptionObj> e) = 0;
  virtual std::string qualname() const = 0;
  // What a task's repr shows after `coro=<`: asyncio's _format_coroutine
  // ("f() running at x.py:4", "f() done, defined at x.py:3").
  virtual std::string repr_site() const { return qualname() + "()"; }
  // The await chain, outermost first; empty when the coroutine cannot tell
  // (then reports_site() is false and the task does not ask).
  virtual void suspend_site(std::vector<SuspendFrame>& out) const { out.clear(); }
  bool reports_site() const { return reports_site_; }
  // True once send/throw has been called (for "never awaited").
  bool started() const { return started_; }
  // The cycle collector's view (engine/loop/cycles.cpp): every object the
  // suspended frames refer to, once per reference; a coroutine that cannot
  // tell visits nothing (its references then keep their targets alive).
  virtual void visit_refs(const std::function<void(Object*)>&) const {}
  // What the collector does to a suspended coroutine it frees: close() it
  // (its finally blocks run), as CPython's finalizer does.
  virtual void close_abandoned() {}
  // A task is made to run this coroutine: it takes a copy of the context
  // variables of the code that makes the task (contextvars).
  virtual void enter_task() {}

 protected:
  bool started_ = false;
  bool reports_site_ = false;
};

}  // namespace loopscope
