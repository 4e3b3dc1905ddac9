#pragma once
// asyncio.Semaphore and BoundedSemaphore, ported from CPython 3.11.7's
// locks.py (acquire() does not jump the queue; a waiter woken and then
// cancelled gives its slot back).

#include "engine/lib/sync_object.hpp"
#include "engine/loop/co.hpp"

namespace loopscope::asyncio {

class Semaphore final : public LoopBoundObject {
 public:
  // Raises ValueError when value < 0. `bounded`: a BoundedSemaphore.
  Semaphore(World& world, int64_t value = 1, bool bounded = false);
  std::string repr() const override;

  bool locked() const;
  int64_t value() const { return value_; }
  // `async def acquire()`: the Coroutine "Semaphore.acquire" (True).
  Ref<Coroutine> acquire();
  static Co acquire_co(Ref<Semaphore> self);
  // BoundedSemaphore raises ValueError past its initial value.
  void release();

 private:
  void wake_up_next();
  void note_value();  // records the counter for the window
  int64_t value_;
  int64_t bound_value_;
  bool bounded_;
  Waiters waiters_;
};

}  // namespace loopscope::asyncio
