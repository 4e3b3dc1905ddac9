#pragma once
// asyncio.Barrier, ported from CPython 3.11's locks.py: a Condition
// (labelled Barrier#n/Condition) guards a count and a state.

#include "engine/lib/condition.hpp"

namespace loopscope::asyncio {

class Barrier final : public LoopBoundObject {
 public:
  enum class State : uint8_t { Filling, Draining, Resetting, Broken };
  // Raises ValueError('parties must be > 0').
  Barrier(World& world, int64_t parties);
  std::string repr() const override;

  // `async def wait()`: "Barrier.wait", resolving to the task's index.
  Ref<Coroutine> wait();
  // `async def reset()` / `async def abort()`.
  Ref<Coroutine> reset();
  Ref<Coroutine> abort();
  // `async with barrier`: __aenter__ is wait(); __aexit__ does nothing.
  Ref<Coroutine> aenter();
  Ref<Coroutine> aexit();

  int64_t parties() const { return parties_; }
  int64_t n_waiting() const { return state_ == State::Filling ? count_ : 0; }
  bool broken() const { return state_ == State::Broken; }

 private:
  static Co wait_co(Ref<Barrier> self);
  static Co passage_co(Ref<Barrier> self);
  static Co reset_co(Ref<Barrier> self, bool abort);
  static Co nothing_co();
  void exit();

  Ref<Condition> cond_;
  int64_t parties_;
  int64_t count_ = 0;
  State state_ = State::Filling;
};

}  // namespace loopscope::asyncio
