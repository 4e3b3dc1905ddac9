#pragma once
// asyncio.Timeout, timeout() and timeout_at(), ported from CPython 3.11.7's
// timeouts.py: a timer cancels the task; __aexit__ turns that cancellation
// into TimeoutError when no other cancel request is outstanding.
//
// From C++, `async with asyncio.timeout(d):` is spelled
//
//   co_await Timeout::aenter_co(t);
//   Ref<ExceptionObj> err;
//   try { ...body... } catch (const PyError& e) { err = e.exc; }
//   co_await Timeout::aexit_co(t, err);   // may raise TimeoutError
//   if (err) throw PyError{err};

#include "engine/lib/sync_object.hpp"
#include "engine/loop/co.hpp"

namespace loopscope::asyncio {

class Timeout final : public LoopBoundObject {
 public:
  enum class State : uint8_t { Created, Entered, Expiring, Expired, Exited };

  // `when`: an absolute loop time, or None for no deadline.
  Timeout(World& world, Value when);
  std::string repr() const override;

  Value when() const { return when_; }
  // Raises RuntimeError unless entered and not yet expiring/exited.
  void reschedule(Value when);
  bool expired() const { return state_ == State::Expiring || state_ == State::Expired; }
  State state() const { return state_; }

  // __aenter__ (returns the Timeout) and __aexit__(exc) (returns None, or
  // raises TimeoutError from exc), as Coroutines and as C++ coroutines.
  Ref<Coroutine> aenter();
  Ref<Coroutine> aexit(Ref<ExceptionObj> exc);
  static Co aenter_co(Ref<Timeout> self);
  static Co aexit_co(Ref<Timeout> self, Ref<ExceptionObj> exc);

 private:
  void on_timeout();
  State state_ = State::Created;
  Ref<Handle> timeout_handler_;
  Ref<Task> task_;
  int cancelling_ = 0;
  Value when_;
};

// asyncio.timeout(delay) (None: no deadline) and asyncio.timeout_at(when).
Ref<Timeout> timeout(EventLoop& loop, Value delay);
Ref<Timeout> timeout_at(World& world, Value when);

}  // namespace loopscope::asyncio
