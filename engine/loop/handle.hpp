#pragma once
// asyncio.Handle and TimerHandle: a callback scheduled on the loop.

#include <functional>
#include <memory>
#include <string>

#include "engine/object/exception.hpp"
#include "engine/object/pool.hpp"

namespace loopscope {

class EventLoop;
class Future;
class Task;

// A task's own steps and wakeups are not Handles: the ready queue keeps
// them inline (see ready_ring.hpp).
class Handle final : public Object {
 public:
  Handle() : Object(ObjKind::Handle) {}
  // One handle per scheduled callback: they come from a free list.
  static void* operator new(size_t n) { return pool::allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }
  std::string type_name() const override { return is_timer ? "TimerHandle" : "Handle"; }
  std::string repr() const override;

  // Handle.cancel(): the loop is told so that a timer's cancellation is counted.
  void cancel();
  bool cancelled() const { return cancelled_; }
  // Handle._run(): errors raised by plain callbacks go to the loop's
  // exception handler, as in CPython.
  void run();

  // One-byte fields first: they fill the spare bytes of the object header.
  bool is_timer = false;
  bool scheduled = false;  // TimerHandle._scheduled: in the heap
  bool ran = false;        // run_once has called it
  bool retitled = false;   // its text changed after the `soon` line

 private:
  bool cancelled_ = false;

 public:
  uint32_t id = 0;
  uint32_t text = 0;       // interned callback text (the CB grammar)
  double when = 0;
  EventLoop* loop = nullptr;

  void set_fn(std::function<void()> fn);
  // A future's done-callback: fn(f) when it runs.
  void set_done_fn(std::function<void(Future*)> fn, Future* f);
  // Renders the callback text again when the handle runs, for callbacks
  // whose arguments may change meanwhile (CPython formats them then).
  void set_describe(std::function<std::string()> describe);
  bool has_describe() const { return callback_ && callback_->describe; }
  // How CPython's repr shows the callback ("cb(1) at x.py:3", "print('x')"),
  // formatted when asked; the trace text when not set.
  void set_source(std::function<std::string()> source) { callback().source = std::move(source); }
  std::string source() const;
  std::string describe() const { return callback_->describe(); }

 private:
  friend class EventLoop;
  struct Callback {
    static void* operator new(size_t n) { return pool::allocate(n); }
    static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }
    std::function<void()> fn;
    std::function<void(Future*)> done_fn;  // with done_arg, instead of fn
    Ref<Object> done_arg;
    std::function<std::string()> describe;
    std::function<std::string()> source;
  };
  Callback& callback();
  std::unique_ptr<Callback> callback_;
};

}  // namespace loopscope
