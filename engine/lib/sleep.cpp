#include "engine/lib/sleep.hpp"

#include "engine/loop/trace_text.hpp"

namespace loopscope {

void set_result_unless_cancelled(Future* f, const Value& v) {
  if (f->cancelled()) return;
  f->set_result(v);
}

// sleep(delay > 0): a future resolved by a timer.
Co Sleep::on_timer(EventLoop& loop, double delay, Value result) {
  double until = loop.time() + delay;
  Ref<Future> fut = loop.create_future("sleep", "sleep %F until=" + trace_time(until));
  std::string text = "_set_result_unless_cancelled(" + fut->label() + ", " + trace_value(result) + ")";
  Ref<Handle> h = loop.call_later(delay, [f = fut, result] { set_result_unless_cancelled(f.get(), result); }, text);
  struct CancelTimer {  // `finally: h.cancel()`
    Ref<Handle> h;
    ~CancelTimer() { h->cancel(); }
  } guard{h};
  co_return co_await std::move(fut);
}

namespace {
Co sleep_co(EventLoop& loop, double delay, Value result) { co_return co_await sleep(loop, delay, std::move(result)); }
Co sleep_on_running(World& world, double delay, Value result) {
  EventLoop* loop = world.running_loop;
  if (!loop) throw PyError{make_exc(Exc::RuntimeError, "no running event loop")};
  co_return co_await sleep(*loop, delay, std::move(result));
}
}  // namespace

Ref<Coroutine> sleep_coroutine(World& world, double delay, Value result) {
  return coroutine(sleep_on_running(world, delay, std::move(result)), "sleep", &world);
}

Ref<Coroutine> sleep_coroutine(EventLoop& loop, double delay, Value result) {
  return coroutine(sleep_co(loop, delay, std::move(result)), "sleep", &loop.world());
}

}  // namespace loopscope
