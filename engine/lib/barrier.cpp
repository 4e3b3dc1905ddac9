#include "engine/lib/barrier.hpp"

namespace loopscope::asyncio {

Barrier::Barrier(World& world, int64_t parties) : LoopBoundObject(world, "Barrier"), parties_(parties) {
  if (parties < 1) throw PyError{make_exc(Exc::ValueError, "parties must be > 0")};
  cond_ = make<Condition>(world, nullptr, label_);
}

std::string Barrier::repr() const {
  static const char* const names[] = {"filling", "draining", "resetting", "broken"};
  std::string extra = names[static_cast<int>(state_)];
  if (!broken()) extra += ", waiters:" + std::to_string(n_waiting()) + "/" + std::to_string(parties_);
  return "<asyncio.locks.Barrier object at 0x? [" + extra + "]>";
}

// _exit: the last task out ends the draining (or resetting).
void Barrier::exit() {
  if (count_ != 0) return;
  if (state_ == State::Resetting || state_ == State::Draining) state_ = State::Filling;
  cond_->notify_all();
}

// The body of `async with self._cond:` in wait(): _block, then _release
// or _wait, with the count kept in the `finally`.
Co Barrier::passage_co(Ref<Barrier> self) {
  Ref<Condition> cond = self->cond_;
  co_await Condition::wait_for_co(cond, [b = self.get()] {
    return Value::boolean(b->state_ != State::Draining && b->state_ != State::Resetting);
  });
  if (self->state_ == State::Broken) throw PyError{make_exc(Exc::BrokenBarrierError, "Barrier aborted")};
  int64_t index = self->count_++;
  Ref<ExceptionObj> err;
  try {
    if (index + 1 == self->parties_) {
      self->state_ = State::Draining;
      cond->notify_all();
    } else {
      co_await Condition::wait_for_co(cond, [b = self.get()] { return Value::boolean(b->state_ != State::Filling); });
      if (self->state_ == State::Broken || self->state_ == State::Resetting) {
        throw PyError{make_exc(Exc::BrokenBarrierError, "Abort or reset of barrier")};
      }
    }
  } catch (const PyError& e) {
    err = e.exc;
  }
  --self->count_;
  self->exit();
  if (err) throw PyError{err};
  co_return Value::integer(index);
}

Co Barrier::wait_co(Ref<Barrier> self) {
  Ref<Condition> cond = self->cond_;
  co_await Lock::acquire_co(cond->lock());
  Value index;
  Ref<ExceptionObj> err;
  try {
    index = co_await passage_co(self);
  } catch (const PyError& e) {
    err = e.exc;
  }
  cond->release();
  if (err) throw PyError{err};
  co_return index;
}

Co Barrier::reset_co(Ref<Barrier> self, bool abort) {
  Ref<Condition> cond = self->cond_;
  co_await Lock::acquire_co(cond->lock());
  if (abort) {
    self->state_ = State::Broken;
  } else if (self->count_ > 0) {
    self->state_ = State::Resetting;
  } else {
    self->state_ = State::Filling;
  }
  cond->notify_all();
  cond->release();
  co_return Value();
}

Co Barrier::nothing_co() { co_return Value(); }

Ref<Coroutine> Barrier::wait() { return coroutine(wait_co(Ref<Barrier>(this)), "Barrier.wait", world_); }
Ref<Coroutine> Barrier::reset() { return coroutine(reset_co(Ref<Barrier>(this), false), "Barrier.reset", world_); }
Ref<Coroutine> Barrier::abort() { return coroutine(reset_co(Ref<Barrier>(this), true), "Barrier.abort", world_); }
Ref<Coroutine> Barrier::aenter() { return coroutine(wait_co(Ref<Barrier>(this)), "Barrier.__aenter__", world_); }
Ref<Coroutine> Barrier::aexit() { return coroutine(nothing_co(), "Barrier.__aexit__", world_); }

}  // namespace loopscope::asyncio
