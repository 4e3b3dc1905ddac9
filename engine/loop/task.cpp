#include "engine/loop/task.hpp"

#include "engine/loop/event_loop.hpp"
#include "engine/loop/trace_text.hpp"

namespace loopscope {

Task::Task(EventLoop& loop, Ref<Coroutine> coro, std::string name)
    : Future(loop, ObjKind::Task), coro_(std::move(coro)) {
  World& w = loop.world();
  number_ = w.next_task_id++;
  Trace& t = loop.trace();
  text_ = name.empty() ? t.str_unique("Task-" + std::to_string(w.next_task_number++)) : t.str(name);
  t.add(Ev::TaskNew, number_, text_, loop.who());
  t.ext(t.str(coro_->qualname()));
  loop.schedule_step(this);
}

std::string Task::name() const { return std::string(loop_->trace().string(text_)); }

// base_tasks._task_repr_info: the future's state, name, coroutine, the
// future it waits on, then the rest of the future's info.
std::string Task::repr() const {
  std::string info = repr_info();
  size_t space = info.find(' ');
  std::string state = info.substr(0, space);
  std::string rest = space == std::string::npos ? "" : info.substr(space);
  if (must_cancel_) state = "cancelling";
  std::string s = "<Task " + state + " name=" + str_repr(name()) + " coro=<" + coro_->repr_site() + ">";
  if (fut_waiter_) s += " wait_for=" + fut_waiter_->repr();
  return s + rest + callbacks_repr() + ">";
}

void Task::finalize() {
  loop_->forget_task(this);
  // A task in the ready queue dies when the queue is cleared (loop.close());
  // one waiting on a future sits in a cycle with it and dies when the cycle
  // collector frees it (engine/loop/cycles.cpp), as in CPython.
  report_destroyed_pending();
  Future::finalize();
}

void Task::report_destroyed_pending() {
  if (state_ != State::Pending || !log_destroy_pending) return;
  log_destroy_pending = false;  // once, even if the report keeps the task alive
  loop_->report_error("Task was destroyed but it is pending!", this, nullptr, Ref<ExceptionObj>(), "task");
}

void Task::visit_refs(const std::function<void(Object*)>& fn) const {
  if (coro_) fn(coro_.get());
  if (fut_waiter_) fn(fut_waiter_.get());
  Future::visit_refs(fn);
}

void Task::set_name(std::string name) {
  if (name == this->name()) return;  // no change, no `rename` line
  Trace& t = loop_->trace();
  uint32_t new_name = t.str(name);
  t.add(Ev::Rename, number_, text_, new_name);
  text_ = new_name;
  step_text = kNoString;
  loop_->retitle_task_handles(this);
}

bool Task::cancel(Value msg) {
  log_traceback_ = false;
  Trace& t = loop_->trace();
  uint32_t msg_sid = msg.is_none() ? kNoString : t.str(trace_value(msg));
  if (done()) {
    t.add(Ev::Cancel, number_, loop_->who(), uint32_t(cancelling()), uint8_t(CancelOutcome::Noop));
    t.ext(msg_sid);
    return false;
  }
  ++cancel_info().cancels_requested;
  // A waiter that is already done (or a gather whose children all are) is
  // not cancelled: the step is already scheduled, so must_cancel is set.
  if (fut_waiter_ && fut_waiter_->would_cancel()) {
    t.add(Ev::Cancel, number_, loop_->who(), uint32_t(cancelling()), uint8_t(CancelOutcome::Waiter));
    t.ext(msg_sid, t.str(fut_waiter_->awaited_text()));
    // Leave fut_waiter_: it may be a task that ignores the cancellation,
    // so it may have to be cancelled again later.
    Ref<Future> waiter = fut_waiter_;
    bool ok = waiter->cancel(msg);
    if (ok) return true;
  } else {
    t.add(Ev::Cancel, number_, loop_->who(), uint32_t(cancelling()), uint8_t(CancelOutcome::MustCancel));
    t.ext(msg_sid);
    if (fut_waiter_) {
      Ref<Future> waiter = fut_waiter_;
      waiter->cancel(msg);  // returns False, but marks its exception retrieved
    }
  }
  // It must be the case that __step is already scheduled.
  must_cancel_ = true;
  set_cancel_message(std::move(msg));
  return true;
}

void Task::break_cycles() {
  Ref<Future> waiter = std::move(fut_waiter_);
  if (waiter) waiter->clear_callbacks();
  clear_callbacks();
}

int Task::uncancel() {
  int n = cancelling();
  if (n > 0) cancel_->cancels_requested = --n;
  loop_->trace().add(Ev::Uncancel, number_, uint32_t(n));
  return n;
}

void Task::wakeup(Future* fut) {
  // The ready entry holds `fut` while this runs.
  try {
    fut->result();
  } catch (const PyError& e) {
    step_from(e.exc.get(), fut);
    return;
  }
  step_from(nullptr, fut);
}

inline void Task::trace_step_start(ExceptionObj* exc, Future* woken_by, bool must_cancel_now) {
  // The common case, kept short enough to inline (a must_cancel step has an exc).
  if (!exc && !woken_by && started_) {
    loop_->trace().add(Ev::Step, number_, 0, 0, uint8_t(StepKind::Yield));
  } else {
    trace_rarer_step_start(exc, woken_by, must_cancel_now);
  }
}

void Task::trace_rarer_step_start(ExceptionObj* exc, Future* woken_by, bool must_cancel_now) {
  Trace& t = loop_->trace();
  if (must_cancel_now) {
    t.add(Ev::Step, number_, 0, 0, uint8_t(StepKind::MustCancel));
  } else if (woken_by) {
    uint32_t w = t.str(woken_by->awaited_text());
    if (exc) {
      t.add(Ev::Step, number_, w, t.str(trace_exc(exc)), uint8_t(StepKind::Raise));
    } else {
      // The value the awaited future carries, as the coroutine will see it.
      t.add(Ev::Step, number_, w, t.str(woken_by->cancelled() ? "None" : trace_value(woken_by->result())),
            uint8_t(StepKind::Result));
    }
  } else if (exc) {
    t.add(Ev::Step, number_, 0, t.str(trace_exc(exc)), uint8_t(StepKind::RaiseDirect));
  } else {
    t.add(Ev::Step, number_, 0, 0, uint8_t(StepKind::Start));
  }
}

uint32_t Task::record_site(Trace& t) const {
  std::vector<SuspendFrame> frames;
  coro_->suspend_site(frames);
  if (frames.empty()) return 0;
  std::vector<uint32_t> words;
  // The line marked in the source: the innermost frame in the user's file
  // (a task waiting inside aiohttp is marked at the user's `await`).
  uint32_t marked = 0;
  for (auto it = frames.rbegin(); it != frames.rend() && !marked; ++it) {
    if (it->user) marked = uint32_t(it->line);
  }
  words.push_back(marked);
  words.push_back(uint32_t(frames.size()));
  for (const SuspendFrame& f : frames) {
    words.push_back(t.str(f.function));
    words.push_back(uint32_t(f.line));
  }
  return t.pool(words);
}

void Task::trace_suspend(bool bare_yield) {
  Trace& t = loop_->trace();
  uint32_t site = coro_->reports_site() ? record_site(t) : 0;
  if (bare_yield) {
    t.add(Ev::Yield, number_, 0, site);
  } else {
    t.add(Ev::Wait, number_, t.str(fut_waiter_->awaited_text()), site);
  }
}

void Task::step_from(ExceptionObj* exc, Future* woken_by) {
  // The ready entry that runs this step holds a reference to the task, so
  // the step may drop every other one.
  if (done()) {
    throw PyError{make_exc(Exc::InvalidStateError, "_step(): already done")};
  }
  bool must_cancel_now = false;
  Ref<ExceptionObj> cancelled;  // what must_cancel throws in instead
  if (must_cancel_) {
    // A CancelledError the task is woken with is kept (t.cancel("first")
    // then t.cancel("second") delivers 'first'); otherwise one is made here.
    if (!is_exc(exc, Exc::CancelledError)) {
      cancelled = make_cancelled_error();
      exc = cancelled.get();
      must_cancel_now = true;
    }
    must_cancel_ = false;
  }
  trace_step_start(exc, woken_by, must_cancel_now);
  started_ = true;
  ++steps_;
  fut_waiter_.reset();
  loop_->enter_task(this);
  step_body(exc);
  loop_->leave_task();
}

void Task::step_body(ExceptionObj* exc) {
  StepResult r = exc ? coro_->throw_exc(Ref<ExceptionObj>(exc)) : coro_->send(Value());
  switch (r.kind) {
    case StepResult::Kind::Return:
      if (must_cancel_) {
        // Task is cancelled right before the coroutine stops.
        must_cancel_ = false;
        finish_cancel(cancel_message());
      } else {
        set_result(std::move(r.value));
      }
      return;
    case StepResult::Kind::Raise:
      if (is_exc(r.exc.get(), Exc::CancelledError)) {
        set_cancelled_exc(r.exc);  // kept to chain it later
        finish_cancel(Value());
      } else if (is_exc(r.exc.get(), Exc::KeyboardInterrupt) || is_exc(r.exc.get(), Exc::SystemExit)) {
        set_exception(r.exc);
        loop_->leave_task();
        throw PyError{r.exc};
      } else {
        set_exception(r.exc);
      }
      return;
    case StepResult::Kind::BareYield:
      trace_suspend(true);
      loop_->schedule_step(this);
      return;
    case StepResult::Kind::Future: {
      Ref<Future> f = r.future;
      if (&f->loop() != loop_) {
        loop_->schedule_step(this, make_exc(Exc::RuntimeError, "Task " + repr() + " got Future " + f->repr() +
                                                                    " attached to a different loop"));
        return;
      }
      if (f.get() == this) {
        loop_->schedule_step(this, make_exc(Exc::RuntimeError, "Task cannot await on itself: " + repr()));
        return;
      }
      if (!f->blocking) {
        loop_->schedule_step(this, make_exc(Exc::RuntimeError, "yield was used instead of yield from in task " + repr() + " with " + f->repr()));
        return;
      }
      f->blocking = false;
      DoneCallback cb;
      cb.wakeup_task = Ref<Object>(this);
      f->add_done_callback(std::move(cb));
      fut_waiter_ = f;
      trace_suspend(false);
      if (must_cancel_) {
        bool ok = f->cancel(cancel_message());
        if (ok) must_cancel_ = false;
      }
      return;
    }
  }
}

}  // namespace loopscope
