#pragma once
// The event loop: CPython 3.11's BaseEventLoop, in virtual time.
//
// One place runs callbacks: run_once(). Everything else only appends to the
// ready queue or the timer heap. The clock never reads the wall; when the
// loop would sleep it jumps exactly to the first timer's deadline.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/loop/handle.hpp"
#include "engine/loop/ready_ring.hpp"
#include "engine/loop/task.hpp"
#include "engine/loop/world.hpp"

namespace loopscope {

// loop.call_exception_handler's context: the keys asyncio passes.
struct ErrorContext {
  std::string message;
  Future* future = nullptr;
  std::string_view key = "future";  // the key the future goes under: "future" or "task"
  Handle* handle = nullptr;
  Ref<ExceptionObj> exc;
};

// Why a run stopped early: thrown out of run_until_complete.
struct LoopAbort {
  enum class Reason : uint8_t { Deadlock, Limit } reason;
};

class EventLoop {
 public:
  explicit EventLoop(World& world);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  World& world() const { return *world_; }
  // Drops everything the loop still holds (queued handles, timers, the
  // cycles of pending tasks), so what they own is freed now rather than
  // when the world goes. The loop itself stays usable as a closed shell.
  void release();
  Trace& trace() const { return *trace_; }
  double time() const { return world_->now; }

  // call_soon(callback, *args): `text` is the callback as the trace shows
  // it, e.g. "cb(1, 'x')".
  Ref<Handle> call_soon(std::function<void()> fn, std::string_view text);
  Ref<Handle> call_later(double delay, std::function<void()> fn, std::string_view text);
  Ref<Handle> call_at(double when, std::function<void()> fn, std::string_view text);
  // add_reader/add_writer's handle: made (and numbered) now, appended to
  // the ready queue by each poll that finds its descriptor ready.
  Ref<Handle> make_handle(std::function<void()> fn, std::string_view text);
  // BaseEventLoop._add_callback: appends `h` unless it is cancelled.
  void add_callback(const Ref<Handle>& h);
  // Internal scheduling used by tasks and futures.
  void schedule_step(Task* t, Ref<ExceptionObj> exc);
  void schedule_step(Task* t);  // a plain step (the one every yield schedules)
  // Takes the callback's function (the callback is spent once scheduled).
  void schedule_done_callback(DoneCallback& cb, Future* f);
  // Task.__wakeup(f) as a done-callback of f.
  void schedule_wakeup(Task* t, Future* f);

  void run_once();
  // Debug mode (asyncio.run(debug=True), loop.set_debug): a handle that
  // runs for slow_callback_duration seconds or more (a blocking
  // time.sleep) is reported as `stderr Executing <CB> took D seconds`.
  bool debug = false;
  double slow_callback_duration = 0.1;
  // Runs until `fut` is done; returns its result or throws PyError.
  // Throws LoopAbort on deadlock or a limit.
  Value run_until_complete(const Ref<Future>& fut);
  // run_until_complete(coro): the trace names the coroutine before the
  // task that wraps it is created.
  Value run_until_complete(Ref<Coroutine> coro);
  void run_forever();
  void stop() { stopping_ = true; }
  void close();
  bool is_closed() const { return closed_; }
  bool is_running() const { return running_; }

  Ref<Task> create_task(Ref<Coroutine> coro, std::string name = {});
  Ref<Future> create_future(std::string_view origin = "create_future",
                            std::string_view awaited = "future %F");

  Task* current_task() const { return current_task_; }
  // All tasks not done, in creation order.
  std::vector<Ref<Task>> all_tasks() const;
  // The tasks still alive, done or not, without taking references (the
  // cycle collector counts references).
  std::vector<Task*> live_tasks() const;
  // BaseEventLoop.__del__ at interpreter exit: an unclosed loop is closed
  // (its `loop close` line, its queues cleared), without a collection.
  void close_unreferenced();

  // time.sleep(seconds): a blocking call. The clock moves, nothing runs.
  void block(double seconds, uint32_t line = 0);

  // The actor of the event being recorded (the WHO grammar).
  uint32_t who() const;
  std::string who_text() const;

  // loop.call_exception_handler: records an `! asyncio ...` line.
  // `key` is the context key the future is passed under: "future" (e.g.
  // "Task exception was never retrieved") or "task" (asyncio.run's
  // shutdown, TaskGroup), printed as `future=` / `task=`.
  void report_error(const std::string& message, Future* future, Handle* handle,
                    const Ref<ExceptionObj>& exc, std::string_view key = "future");
  // loop.set_exception_handler: when set, report_error hands the context to
  // it instead of writing the `! asyncio` line (default_exception_handler).
  void set_exception_handler(std::function<void(const ErrorContext&)> handler) {
    exception_handler_ = std::move(handler);
  }
  void default_exception_handler(const ErrorContext& context);
  // Records a final `! deadlock` / `! limit` line (after the program's
  // pending output is flushed) and throws LoopAbort.
  [[noreturn]] void abort_run(LoopAbort::Reason reason, const std::string& text);

  // The loop's view, for tests and the replay check.
  const ReadyRing& ready() const { return ready_; }
  const std::vector<Ref<Handle>>& scheduled() const { return scheduled_; }
  size_t timer_cancelled_count() const { return timer_cancelled_count_; }
  uint64_t iteration() const { return iteration_; }

  // Used by Task and Handle.
  void enter_task(Task* t) { current_task_ = t; }
  void leave_task() { current_task_ = nullptr; }
  void timer_handle_cancelled(Handle* h);
  void forget_task(Task* t);
  // Task.set_name: the task's steps and wakeups already in the ready queue
  // show the new name when they run (CPython renders them at run time).
  void retitle_task_handles(Task* t);
  // Task::record_site's scratch, reused so that a suspension allocates nothing.
  std::vector<SuspendFrame>& site_frames() { return site_frames_; }
  std::vector<uint32_t>& site_words() { return site_words_; }

 private:
  Ref<Handle> new_handle();
  void push_ready(Ref<Handle> h);
  // A task's step or wakeup (`arg`: the exception thrown in, or the future).
  void push_task_entry(ReadyEntry::Kind kind, Task* task, Ref<Object>&& arg, uint32_t text);
  void run_handle(Handle* h);
  void run_task_entry(ReadyEntry& e);
  void trace_run(uint32_t id, uint32_t text, bool retitled);
  void report_slow(double started, uint32_t text);
  void heap_push(Ref<Handle> h);
  Ref<Handle> heap_pop();
  void heap_sift_down(size_t startpos, size_t pos);
  void heap_sift_up(size_t pos);
  bool timer_less(const Handle* a, const Handle* b) const;
  [[noreturn]] void deadlock();
  Value run_until_done(const Ref<Future>& fut);

  World* world_;
  Trace* trace_;  // &world_->trace: every step writes to it
  ReadyRing ready_;
  std::vector<Ref<Handle>> scheduled_;  // a binary heap laid out as heapq's
  size_t timer_cancelled_count_ = 0;
  bool stopping_ = false;
  bool running_ = false;
  bool closed_ = false;
  uint64_t iteration_ = 0;
  Task* current_task_ = nullptr;
  uint32_t current_handle_ = 0;  // the h# of the callback running, 0 for none
  std::vector<Task*> tasks_;  // indexed by task id, nullptr once destroyed (weak)
  Future* run_target_ = nullptr;
  std::function<void(const ErrorContext&)> exception_handler_;
  std::vector<SuspendFrame> site_frames_;
  std::vector<uint32_t> site_words_;
};

}  // namespace loopscope
