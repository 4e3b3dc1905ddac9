#pragma once
// asyncio.Task, ported from CPython 3.11's tasks.py: drives a coroutine
// with the __step / __wakeup protocol.

#include <string>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/future.hpp"
#include "engine/trace/event.hpp"

namespace loopscope {

class Trace;

class Task final : public Future {
 public:
  Task(EventLoop& loop, Ref<Coroutine> coro, std::string name);
  std::string type_name() const override { return "Task"; }
  std::string repr() const override;
  void finalize() override;

  // Task.cancel(msg): requests cancellation; see CPython for the rules.
  bool cancel(Value msg = {}) override;
  int cancelling() const { return cancel_ ? cancel_->cancels_requested : 0; }
  int uncancel();

  // The name lives in the trace's string table (it is recorded there anyway).
  std::string name() const;
  void set_name(std::string name);
  std::string label() const override { return name(); }
  std::string awaited_text() const override { return "task " + name(); }

  Coroutine* coro() const { return coro_.get(); }
  Future* fut_waiter() const { return fut_waiter_.get(); }
  bool must_cancel() const { return must_cancel_; }
  uint32_t id() const { return number_; }
  uint32_t steps() const { return steps_; }

  // Drops the references that tie a pending task into a cycle with the
  // future it waits on (the loop does this when it is destroyed).
  void break_cycles();
  // The cycle collector's view: the coroutine, the future waited on, the
  // tasks the callbacks wake.
  void visit_refs(const std::function<void(Object*)>& fn) const override;
  // "Task was destroyed but it is pending!", once.
  void report_destroyed_pending();

  // __step and __wakeup; called only from handles the loop runs.
  // `exc` (thrown into the coroutine, or null) is kept alive by the caller.
  void step(ExceptionObj* exc) { step_from(exc, nullptr); }
  void wakeup(Future* fut);

  // First, so that they fill the spare bytes at the end of Future.
  bool log_destroy_pending = true;

 private:
  bool must_cancel_ = false;
  bool started_ = false;

 public:
  // The "Task-N.step" text, cached: a step is scheduled per yield.
  uint32_t step_text = kNoString;

 private:
  // __step; `woken_by` is the future whose completion woke the task (for
  // the step event's W), null for a plain step.
  void step_from(ExceptionObj* exc, Future* woken_by);
  void step_body(ExceptionObj* exc);
  void trace_step_start(ExceptionObj* exc, Future* woken_by, bool must_cancel_now);
  void trace_rarer_step_start(ExceptionObj* exc, Future* woken_by, bool must_cancel_now);
  void trace_suspend(bool bare_yield);
  uint32_t record_site(Trace& t) const;  // the suspend site's pool offset, 0 for none

  // The id and the name's string id are Future's number_ and text_.
  uint32_t steps_ = 0;
  Ref<Coroutine> coro_;
  Ref<Future> fut_waiter_;
};

}  // namespace loopscope
