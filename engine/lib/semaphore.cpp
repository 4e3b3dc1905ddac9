#include "engine/lib/semaphore.hpp"

namespace loopscope::asyncio {

namespace {
int64_t checked(int64_t value) {
  if (value < 0) throw PyError{make_exc(Exc::ValueError, "Semaphore initial value must be >= 0")};
  return value;
}
}  // namespace

Semaphore::Semaphore(World& world, int64_t value, bool bounded)
    : LoopBoundObject(world, bounded ? "BoundedSemaphore" : "Semaphore"),
      value_(checked(value)), bound_value_(value), bounded_(bounded) {}

std::string Semaphore::repr() const {
  std::string extra = locked() ? "locked" : "unlocked, value:" + std::to_string(value_);
  if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
  return "<asyncio.locks." + type_ + " object at 0x? [" + extra + "]>";
}

bool Semaphore::locked() const {
  if (value_ == 0) return true;
  for (const Ref<Future>& w : waiters_) {
    if (!w->cancelled()) return true;
  }
  return false;
}

Co Semaphore::acquire_co(Ref<Semaphore> self) {
  if (!self->locked()) {
    --self->value_;
    self->note_value();
    co_return Value::boolean(true);
  }
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
    if (is_exc(err.get(), Exc::CancelledError) && !fut->cancelled()) {
      ++self->value_;
      self->wake_up_next();
    }
    throw PyError{err};
  }
  if (self->value_ > 0) self->wake_up_next();
  co_return Value::boolean(true);
}

Ref<Coroutine> Semaphore::acquire() {
  return coroutine(acquire_co(Ref<Semaphore>(this)), "Semaphore.acquire", world_);
}

void Semaphore::release() {
  if (bounded_ && value_ >= bound_value_) {
    throw PyError{make_exc(Exc::ValueError, "BoundedSemaphore released too many times")};
  }
  ++value_;
  wake_up_next();
  note_value();
}

void Semaphore::note_value() {
  if (noting()) note("counter " + std::to_string(value_) + (value_ == 0 ? ": the next acquire() waits" : ""));
}

void Semaphore::wake_up_next() {
  for (const Ref<Future>& fut : waiters_) {
    if (!fut->done()) {
      --value_;
      fut->set_result(Value::boolean(true));
      return;
    }
  }
}

}  // namespace loopscope::asyncio
