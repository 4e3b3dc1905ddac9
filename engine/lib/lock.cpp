#include "engine/lib/lock.hpp"

namespace loopscope::asyncio {

std::string Lock::repr() const {
  std::string extra = locked_ ? "locked" : "unlocked";
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks.Lock object at 0x? [" + extra + "]>";
}

Co Lock::acquire_co(Ref<Lock> self) {
  bool all_cancelled = true;
  for (const Ref<Future>& w : self->waiters_) all_cancelled = all_cancelled && w->cancelled();
  if (!self->locked_ && (!self->has_waiters_ || all_cancelled)) {
    self->locked_ = true;
    if (self->noting()) self->note("held by " + self->actor());
    co_return Value::boolean(true);
  }
  self->has_waiters_ = true;
  Ref<Future> fut = self->new_waiter("acquire");
  self->waiters_.push_back(fut);
  Ref<ExceptionObj> err;
  try {
    co_await fut;
  } catch (const PyError& e) {
    err = e.exc;
  }
  remove_waiter(self->waiters_, fut.get());  // the inner `finally`
  if (err) {
    if (is_exc(err.get(), Exc::CancelledError) && !self->locked_) self->wake_up_first();
    throw PyError{err};
  }
  self->locked_ = true;
  if (self->noting()) self->note("held by " + self->actor());
  co_return Value::boolean(true);
}

Ref<Coroutine> Lock::acquire() {
  return coroutine(acquire_co(Ref<Lock>(this)), "Lock.acquire", world_);
}

Co Lock::aenter_co(Ref<Lock> self) {
  co_await acquire_co(self);
  co_return Value();
}

void Lock::release() {
  if (!locked_) throw PyError{make_exc(Exc::RuntimeError, "Lock is not acquired.")};
  locked_ = false;
  if (noting()) note("free (released by " + actor() + ")");
  wake_up_first();
}

void Lock::wake_up_first() {
  if (waiters_.empty()) return;
  Ref<Future> fut = waiters_.front();
  if (!fut->done()) fut->set_result(Value::boolean(true));
}

}  // namespace loopscope::asyncio
