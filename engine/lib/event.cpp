#include "engine/lib/event.hpp"

namespace loopscope::asyncio {

std::string Event::repr() const {
  std::string extra = value_ ? "set" : "unset";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Event object at 0x? [" + extra + "]>";
}

void Event::set() {
  if (value_) return;
  value_ = true;
  if (noting()) note("set by " + actor());
  Waiters snapshot = waiters_;  // set_result only schedules, but stay safe
  for (const Ref<Future>& fut : snapshot) {
    if (!fut->done()) fut->set_result(Value::boolean(true));
  }
}

Co Event::wait_co(Ref<Event> self) {
  if (self->value_) co_return Value::boolean(true);
  Ref<Future> fut = self->new_waiter("wait");
  self->waiters_.push_back(fut);
  struct Finally {  // `finally: self._waiters.remove(fut)`
    Event* ev;
    Future* fut;
    ~Finally() { remove_waiter(ev->waiters_, fut); }
  } finally{self.get(), fut.get()};
  co_await fut;
  co_return Value::boolean(true);
}

Ref<Coroutine> Event::wait() {
  return coroutine(wait_co(Ref<Event>(this)), "Event.wait", world_);
}

}  // namespace loopscope::asyncio
