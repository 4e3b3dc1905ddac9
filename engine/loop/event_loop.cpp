#include "engine/loop/event_loop.hpp"

#include <optional>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/loop/cycles.hpp"
#include "engine/loop/trace_text.hpp"

namespace loopscope {

namespace {
constexpr size_t kMinScheduledTimerHandles = 100;      // _MIN_SCHEDULED_TIMER_HANDLES
constexpr double kMinCancelledTimerFraction = 0.5;     // _MIN_CANCELLED_TIMER_HANDLES_FRACTION
constexpr double kClockResolution = 1e-9;
constexpr double kMaximumSelectTimeout = 24 * 3600;  // base_events.MAXIMUM_SELECT_TIMEOUT
}  // namespace

EventLoop::EventLoop(World& world) : world_(&world), trace_(&world.trace) {
  trace().add(Ev::LoopNew);
}

EventLoop::~EventLoop() { release(); }

void EventLoop::release() {
  // Break the cycles a loop may still hold: handles own tasks, and a
  // pending task and the future it waits on own each other.
  ready_.clear();
  scheduled_.clear();
  world_->net.release(this);  // the selector's reader/writer handles
  std::vector<Ref<Task>> live;
  for (Task* t : tasks_) {
    if (t) live.emplace_back(t);
  }
  for (const Ref<Task>& t : live) t->break_cycles();
}

uint32_t EventLoop::who() const {
  if (world_->threads.in_thread()) return world_->threads.current();
  // Acting on a loop that is not running (a future of another loop): the
  // actor is whoever runs on the running loop.
  if (world_->running_loop && world_->running_loop != this) return world_->running_loop->who();
  if (current_task_) return Who::task(current_task_->id());
  if (current_handle_) return Who::handle(current_handle_);
  return Who::kOutside;
}

Ref<Handle> EventLoop::new_handle() {
  Ref<Handle> h = make<Handle>();
  h->id = world_->next_handle++;
  h->loop = this;
  return h;
}

void EventLoop::push_ready(Ref<Handle> h) {
  trace().add(Ev::Soon, h->id, h->text);
  ready_.push_back(ReadyEntry::of(std::move(h)));
}

// On every step's path: inlined into its callers.
[[gnu::always_inline]] inline void EventLoop::push_task_entry(ReadyEntry::Kind kind, Task* task, Ref<Object>&& arg, uint32_t text) {
  uint32_t id = world_->next_handle++;
  trace_->add(Ev::Soon, id, text);
  ReadyEntry& e = ready_.emplace_back();  // its references are empty
  e.target = Ref<Object>(task);
  if (arg) e.arg = std::move(arg);
  e.id = id;
  e.text = text;
  e.kind = kind;
  e.retitled = false;
}

Ref<Handle> EventLoop::call_soon(std::function<void()> fn, std::string_view text) {
  Ref<Handle> h = new_handle();
  h->set_fn(std::move(fn));
  h->text = trace().str(text);
  push_ready(h);
  return h;
}

Ref<Handle> EventLoop::make_handle(std::function<void()> fn, std::string_view text) {
  Ref<Handle> h = new_handle();
  h->set_fn(std::move(fn));
  h->text = trace().str(text);
  return h;
}

void EventLoop::add_callback(const Ref<Handle>& h) {
  if (!h->cancelled()) push_ready(h);
}

Ref<Handle> EventLoop::call_later(double delay, std::function<void()> fn, std::string_view text) {
  return call_at(time() + delay, std::move(fn), text);
}

Ref<Handle> EventLoop::call_at(double when, std::function<void()> fn, std::string_view text) {
  Ref<Handle> h = new_handle();
  h->set_fn(std::move(fn));
  h->text = trace().str(text);
  h->is_timer = true;
  h->when = when;
  Trace& t = trace();
  t.add(Ev::Timer, h->id, h->text, t.num(when));
  heap_push(h);
  h->scheduled = true;
  return h;
}

void EventLoop::schedule_step(Task* task) {
  if (task->step_text == kNoString) task->step_text = trace().str_unique(task->name() + ".step");
  push_task_entry(ReadyEntry::Kind::TaskStep, task, Ref<Object>(), task->step_text);
}

void EventLoop::schedule_step(Task* task, Ref<ExceptionObj> exc) {
  if (!exc) {
    schedule_step(task);
    return;
  }
  uint32_t text = trace().str(task->name() + ".step(" + trace_exc(exc.get()) + ")");
  push_task_entry(ReadyEntry::Kind::TaskStep, task, Ref<Object>::adopt(exc.release()), text);
}

void EventLoop::schedule_done_callback(DoneCallback& cb, Future* f) {
  if (cb.wakeup_task) {
    schedule_wakeup(static_cast<Task*>(cb.wakeup_task.get()), f);
    return;
  }
  Ref<Handle> h = new_handle();
  if (cb.holder) {
    // `fn` works on the holder through a plain pointer: the handle keeps it.
    cb.fn = [fn = std::move(cb.fn), keep = std::move(cb.holder)](Future* done) { fn(done); };
  }
  h->set_done_fn(std::move(cb.fn), f);
  std::string args = cb.bound_args.empty() ? f->label() : cb.bound_args + ", " + f->label();
  if (!cb.bound_keywords.empty()) args += ", " + cb.bound_keywords;
  h->text = trace().str_unique(cb.qualname + "(" + args + ")");
  push_ready(std::move(h));
}

void EventLoop::schedule_wakeup(Task* task, Future* f) {
  uint32_t text = trace().str_unique(task->name() + ".wakeup(" + f->label() + ")");
  push_task_entry(ReadyEntry::Kind::TaskWakeup, task, Ref<Object>(f), text);
}

void EventLoop::retitle_task_handles(Task* task) {
  ready_.for_each([&](ReadyEntry& e) {
    if (e.kind == ReadyEntry::Kind::Handle || e.target.get() != task) return;
    if (e.kind == ReadyEntry::Kind::TaskStep) {
      auto* exc = static_cast<ExceptionObj*>(e.arg.get());
      e.text = trace().str(task->name() + (exc ? ".step(" + trace_exc(exc) + ")" : ".step"));
    } else {
      e.text = trace().str(task->name() + ".wakeup(" + static_cast<Future*>(e.arg.get())->label() + ")");
    }
    e.retitled = true;
  });
}

void EventLoop::timer_handle_cancelled(Handle* h) {
  if (h->scheduled) ++timer_cancelled_count_;
}

// ---- the timer heap: heapq's algorithms, so ties pop in CPython's order ----

bool EventLoop::timer_less(const Handle* a, const Handle* b) const {
  if (a->when != b->when) return a->when < b->when;
  // TimerHandle.__lt__ compares only `when`; by default ties are broken by
  // creation number (what a real clock gives; see TRACE_FORMAT.md).
  return world_->options.heap_ties ? false : a->id < b->id;
}

void EventLoop::heap_sift_down(size_t startpos, size_t pos) {  // heapq._siftdown
  Ref<Handle> newitem = scheduled_[pos];
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    if (timer_less(newitem.get(), scheduled_[parentpos].get())) {
      scheduled_[pos] = scheduled_[parentpos];
      pos = parentpos;
      continue;
    }
    break;
  }
  scheduled_[pos] = newitem;
}

void EventLoop::heap_sift_up(size_t pos) {  // heapq._siftup
  size_t endpos = scheduled_.size();
  size_t startpos = pos;
  Ref<Handle> newitem = scheduled_[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    size_t rightpos = childpos + 1;
    if (rightpos < endpos && !timer_less(scheduled_[childpos].get(), scheduled_[rightpos].get())) {
      childpos = rightpos;
    }
    scheduled_[pos] = scheduled_[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  scheduled_[pos] = newitem;
  heap_sift_down(startpos, pos);
}

void EventLoop::heap_push(Ref<Handle> h) {
  scheduled_.push_back(std::move(h));
  heap_sift_down(0, scheduled_.size() - 1);
}

Ref<Handle> EventLoop::heap_pop() {
  Ref<Handle> last = scheduled_.back();
  scheduled_.pop_back();
  if (scheduled_.empty()) return last;
  Ref<Handle> top = scheduled_[0];
  scheduled_[0] = last;
  heap_sift_up(0);
  return top;
}

// ---- running ----

void EventLoop::run_once() {
  World& w = *world_;
  Trace& t = trace();
  if (w.total_iterations >= w.options.max_iters) {
    abort_run(LoopAbort::Reason::Limit, "max-iters=" + std::to_string(w.options.max_iters) + " reached");
  }
  ++iteration_;
  ++w.total_iterations;
  t.add(Ev::Iter, uint32_t(w.total_iterations), uint32_t(ready_.size()), uint32_t(scheduled_.size()),
        timer_cancelled_count_ ? 1 : 0);
  if (timer_cancelled_count_) t.ext(uint32_t(timer_cancelled_count_));

  size_t sched_count = scheduled_.size();
  if (sched_count > kMinScheduledTimerHandles &&
      double(timer_cancelled_count_) / double(sched_count) > kMinCancelledTimerFraction) {
    // Remove delayed calls that were cancelled if their number is too high.
    std::vector<Ref<Handle>> kept;
    std::vector<uint32_t> purged;
    for (Ref<Handle>& h : scheduled_) {
      if (h->cancelled_) {
        h->scheduled = false;
        purged.push_back(h->id);
      } else {
        kept.push_back(std::move(h));
      }
    }
    scheduled_ = std::move(kept);
    for (size_t i = scheduled_.size() / 2; i-- > 0;) heap_sift_up(i);  // heapq.heapify
    timer_cancelled_count_ = 0;
    // The trace shows each dropped timer, in creation order.
    std::sort(purged.begin(), purged.end());
    for (uint32_t id : purged) t.add(Ev::Skip, id);
  } else {
    // Remove delayed calls that were cancelled from the head of the heap.
    while (!scheduled_.empty() && scheduled_[0]->cancelled_) {
      --timer_cancelled_count_;
      Ref<Handle> h = heap_pop();
      h->scheduled = false;
      t.add(Ev::Skip, h->id);
    }
  }

  // A ready socket makes the poll return at once (docs/SIMULATED_WORLD.md).
  if (ready_.empty() && !stopping_ && !w.net.has_events(this)) {
    // The poll wakes for the first timer or the first delivery from a
    // simulated thread (CPython's self-pipe), whichever is earlier.
    std::optional<double> wake = w.threads.next_wake();
    std::optional<double> arrival = w.net.next_wake(this);  // bytes in flight
    if (arrival && (!wake || *arrival < *wake)) wake = arrival;
    if (!scheduled_.empty() && (!wake || scheduled_[0]->when < *wake)) wake = scheduled_[0]->when;
    if (!wake) deadlock();
    double when = *wake;
    double timeout = std::min(std::max(0.0, when - w.now), kMaximumSelectTimeout);
    if (timeout > 0) {
      // The selector sleeps at most a day; the clock moves by that much.
      if (timeout == kMaximumSelectTimeout && when - w.now > kMaximumSelectTimeout) when = w.now + timeout;
      if (when > w.options.max_time) {
        abort_run(LoopAbort::Reason::Limit, "max-time=" + trace_time(w.options.max_time) + " reached");
      }
      t.add(Ev::Advance, t.num(when), t.num(timeout));
      w.now = when;
      w.threads.release(w, w.now);
    }
  }
  w.threads.deliver(w);
  w.net.poll(*this);  // sockets after the self-pipe

  // Handle 'later' callbacks that are ready.
  double end_time = w.now + kClockResolution;
  while (!scheduled_.empty()) {
    if (scheduled_[0]->when >= end_time) break;
    Ref<Handle> h = heap_pop();
    h->scheduled = false;
    t.add(Ev::Due, h->id);
    ready_.push_back(ReadyEntry::of(std::move(h)));
  }

  // This is the only place where callbacks are actually *called*. All other
  // places just add them to ready. Only the handles ready now run; those
  // they schedule wait for the next iteration.
  size_t ntodo = ready_.size();
  for (size_t i = 0; i < ntodo; ++i) {
    ReadyEntry e = ready_.take_front();
    if (e.kind == ReadyEntry::Kind::Handle) {
      run_handle(e.handle());
    } else {
      run_task_entry(e);
    }
  }
}

namespace {
// The running callback's h# (the WHO of what it does), for as long as it runs.
struct RunningHandle {
  uint32_t& slot;
  RunningHandle(uint32_t& s, uint32_t id) : slot(s) { slot = id; }
  ~RunningHandle() { slot = 0; }
};
}  // namespace

[[gnu::always_inline]] inline void EventLoop::trace_run(uint32_t id, uint32_t text, bool retitled) {
  if (retitled) {
    trace_->add(Ev::Run, id, text, 0, 1);
  } else {
    trace_->add(Ev::Run, id);
  }
}

void EventLoop::run_handle(Handle* h) {
  if (h->cancelled_) {
    trace_->add(Ev::Skip, h->id);
    return;
  }
  if (h->has_describe()) {
    uint32_t now_text = trace_->str(h->describe());
    if (now_text != h->text) {
      h->text = now_text;
      h->retitled = true;
    }
  }
  trace_run(h->id, h->text, h->retitled);
  h->ran = true;
  double started = world_->now;
  {
    RunningHandle running(current_handle_, h->id);
    h->run();
  }
  if (debug) report_slow(started, h->text);
}

void EventLoop::report_slow(double started, uint32_t text) {
  double dt = world_->now - started;
  if (dt < slow_callback_duration) return;
  char took[32];
  std::snprintf(took, sizeof took, "%.3f", dt);
  trace_->add(Ev::Stderr, trace_->str("Executing " + std::string(trace_->string(text)) + " took " + took + " seconds"));
}

void EventLoop::run_task_entry(ReadyEntry& e) {
  trace_run(e.id, e.text, e.retitled);
  auto* task = static_cast<Task*>(e.target.get());
  double started = world_->now;
  uint32_t text = e.text;  // `e` may move while the task runs (the ring grows)
  {
    // While the task runs it is the actor; the handle covers what comes before.
    RunningHandle running(current_handle_, e.id);
    if (e.kind == ReadyEntry::Kind::TaskStep) {
      task->step(static_cast<ExceptionObj*>(e.arg.get()));
    } else {
      task->wakeup(static_cast<Future*>(e.arg.get()));
    }
  }
  if (debug) report_slow(started, text);
}

void EventLoop::deadlock() {
  std::string text = "nothing is ready and no timer is set; pending:";
  bool first = true;
  for (const Ref<Task>& task : all_tasks()) {
    text += first ? " " : "; ";
    first = false;
    text += task->name();
    if (task->fut_waiter()) {
      text += " waits " + task->fut_waiter()->awaited_text();
    } else {
      text += " waits ?";
    }
  }
  if (first) text += " none";
  abort_run(LoopAbort::Reason::Deadlock, text);
}

void EventLoop::abort_run(LoopAbort::Reason reason, const std::string& text) {
  World& w = *world_;
  // As CPython's process would: the program's unfinished output line
  // comes out before the final diagnostic.
  if (w.flush_output) w.flush_output();
  Trace& t = trace();
  t.add(reason == LoopAbort::Reason::Deadlock ? Ev::Deadlock : Ev::Limit, t.str(text));
  t.seal();
  throw LoopAbort{reason};
}

void EventLoop::run_forever() {
  if (running_) throw PyError{make_exc(Exc::RuntimeError, "This event loop is already running")};
  if (world_->running_loop) {
    throw PyError{make_exc(Exc::RuntimeError, "Cannot run the event loop while another loop is running")};
  }
  running_ = true;
  world_->running_loop = this;
  struct Reset {
    EventLoop* l;
    ~Reset() {
      l->stopping_ = false;
      l->running_ = false;
      l->world_->running_loop = nullptr;
    }
  } reset{this};
  for (;;) {
    run_once();
    if (stopping_) break;
  }
}

namespace {
// `run_until_complete end` comes when the call returns or raises (after an
// abort the trace is sealed, so nothing more is written).
struct RunUntilEndLine {
  Trace& t;
  ~RunUntilEndLine() { t.add(Ev::RunUntilEnd); }
};
}  // namespace

Value EventLoop::run_until_complete(const Ref<Future>& fut) {
  Trace& t = trace();
  t.add(Ev::RunUntil, t.str(fut->label()));
  RunUntilEndLine end{t};
  if (closed_) throw PyError{make_exc(Exc::RuntimeError, "Event loop is closed")};
  return run_until_done(fut);
}

Value EventLoop::run_until_complete(Ref<Coroutine> coro) {
  Trace& t = trace();
  t.add(Ev::RunUntil, t.str("coro:" + coro->qualname()));
  RunUntilEndLine end{t};
  if (closed_) throw PyError{make_exc(Exc::RuntimeError, "Event loop is closed")};
  Ref<Task> task = create_task(std::move(coro));
  // The caller never sees this task: no "destroyed but pending" report.
  task->log_destroy_pending = false;
  return run_until_done(task);
}

Value EventLoop::run_until_done(const Ref<Future>& fut) {
  DoneCallback cb;
  cb.qualname = "_run_until_complete_cb";
  cb.fn = [](Future* f) {
    if (!f->cancelled()) {
      Ref<ExceptionObj> e = f->exception();
      if (is_exc(e.get(), Exc::SystemExit) || is_exc(e.get(), Exc::KeyboardInterrupt)) return;
    }
    f->loop().stop();
  };
  uint64_t token = fut->add_done_callback(cb);
  try {
    run_forever();
  } catch (...) {
    fut->remove_done_callback(token);
    throw;
  }
  fut->remove_done_callback(token);
  if (!fut->done()) throw PyError{make_exc(Exc::RuntimeError, "Event loop stopped before Future completed.")};
  return fut->result();
}

void EventLoop::close() {
  if (running_) throw PyError{make_exc(Exc::RuntimeError, "Cannot close a running event loop")};
  if (closed_) return;
  close_unreferenced();
  collect_cycles(*world_);  // the collection point TRACE_FORMAT.md fixes
}

void EventLoop::close_unreferenced() {
  if (closed_ || running_) return;
  closed_ = true;
  trace().add(Ev::LoopClose);
  ready_.clear();
  // A timer handle may outlive the heap (asyncio.sleep's frame holds its
  // own, to cancel it): its callback, which never runs now, lets go of what
  // it holds, so that the collector sees the sleep's cycle for what it is.
  for (const Ref<Handle>& h : scheduled_) {
    if (h->callback_) {
      h->callback_->fn = nullptr;
      h->callback_->done_fn = nullptr;
      h->callback_->done_arg.reset();
    }
  }
  scheduled_.clear();
}

std::vector<Task*> EventLoop::live_tasks() const {
  std::vector<Task*> out;
  for (Task* t : tasks_) {
    if (t) out.push_back(t);
  }
  return out;
}

Ref<Task> EventLoop::create_task(Ref<Coroutine> coro, std::string name) {
  if (closed_) throw PyError{make_exc(Exc::RuntimeError, "Event loop is closed")};
  coro->enter_task();
  Ref<Task> t = make<Task>(*this, std::move(coro), std::move(name));
  if (tasks_.size() <= t->id()) tasks_.resize(t->id() + 1, nullptr);
  tasks_[t->id()] = t.get();
  return t;
}

Ref<Future> EventLoop::create_future(std::string_view origin, std::string_view awaited) {
  return make<Future>(*this, origin, awaited);
}

std::vector<Ref<Task>> EventLoop::all_tasks() const {
  std::vector<Ref<Task>> out;
  for (Task* t : tasks_) {
    if (t && !t->done()) out.emplace_back(t);
  }
  return out;
}

void EventLoop::forget_task(Task* t) {
  if (t->id() < tasks_.size()) tasks_[t->id()] = nullptr;
}

void EventLoop::block(double seconds, uint32_t line) {
  World& w = *world_;
  Trace& t = trace();
  double to = w.now + std::max(0.0, seconds);
  if (to > w.options.max_time) {
    abort_run(LoopAbort::Reason::Limit, "max-time=" + trace_time(w.options.max_time) + " reached");
  }
  t.add(Ev::Block, t.num(seconds), who(), t.num(to));
  if (line) t.add(Ev::Ext, line);  // where the program blocked, for the window
  w.now = to;
  w.threads.release(w, w.now);
}

void EventLoop::report_error(const std::string& message, Future* future, Handle* handle,
                             const Ref<ExceptionObj>& exc, std::string_view key) {
  ErrorContext context{message, future, key, handle, exc};
  if (exception_handler_) {
    auto handler = exception_handler_;  // it may replace itself
    handler(context);
  } else {
    default_exception_handler(context);
  }
}

void EventLoop::default_exception_handler(const ErrorContext& c) {
  std::string text = c.message;
  if (c.future) text += " " + std::string(c.key) + "=" + c.future->label();
  if (c.handle) text += " handle=h#" + std::to_string(c.handle->id);
  if (c.exc) text += " exception=" + trace_exc(c.exc.get());
  Trace& t = trace();
  t.add(Ev::AsyncioError, t.str(text));
}

}  // namespace loopscope
