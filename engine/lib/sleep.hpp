#pragma once
// asyncio.sleep and the blocking time.sleep.

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"

namespace loopscope {

// asyncio.sleep(delay, result), for `co_await sleep(loop, d)`: sleep(0) is a
// bare yield (one iteration, no future, no timer), done in the awaiting
// frame itself; otherwise a coroutine awaiting a future resolved by a timer.
class Sleep {
 public:
  Sleep(EventLoop& loop, double delay, Value result) : result_(std::move(result)) {
    if (delay > 0) timer_ = on_timer(loop, delay, result_);
  }
  Sleep(Sleep&&) = default;

  struct Awaiter {
    Sleep* sleep;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(CoHandle h) {
      if (sleep->timer_.handle()) return Co::Awaiter{sleep->timer_.handle()}.await_suspend(h);
      YieldNow{}.await_suspend(h);
      return std::noop_coroutine();
    }
    Value await_resume() {
      if (sleep->timer_.handle()) return Co::Awaiter{sleep->timer_.handle()}.await_resume();
      co_take_thrown();
      return std::move(sleep->result_);
    }
  };
  // The awaiter refers to this object, which lives as long as the
  // co_await expression, as Co's does.
  Awaiter operator co_await() && { return Awaiter{this}; }

 private:
  static Co on_timer(EventLoop& loop, double delay, Value result);
  Co timer_{nullptr};  // delay > 0: the coroutine that waits on the timer
  Value result_;
};
inline Sleep sleep(EventLoop& loop, double delay, Value result = {}) { return Sleep(loop, delay, std::move(result)); }
// As a Coroutine object named "sleep", for tasks and scripts.
Ref<Coroutine> sleep_coroutine(EventLoop& loop, double delay, Value result = {});
// The same, made before any loop runs: it sleeps on the loop running it
// when it starts (asyncio.sleep finds its loop only when awaited).
Ref<Coroutine> sleep_coroutine(World& world, double delay, Value result = {});

// futures._set_result_unless_cancelled
void set_result_unless_cancelled(Future* f, const Value& v);

}  // namespace loopscope
