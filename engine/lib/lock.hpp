#pragma once
// asyncio.Lock, ported from CPython 3.11.7's locks.py (its fairness rule:
// acquire() does not jump the queue while uncancelled waiters exist).

#include "engine/lib/sync_object.hpp"
#include "engine/loop/co.hpp"

namespace loopscope::asyncio {

class Lock final : public LoopBoundObject {
 public:
  explicit Lock(World& world, const std::string& owner = {}) : LoopBoundObject(world, "Lock", owner) {}
  std::string repr() const override;

  bool locked() const { return locked_; }
  // `async def acquire()`: the Coroutine "Lock.acquire" (resolves to True).
  Ref<Coroutine> acquire();
  static Co acquire_co(Ref<Lock> self);
  // Raises RuntimeError('Lock is not acquired.') when unlocked.
  void release();
  // `async with lock`: __aenter__ awaits acquire() and returns None.
  static Co aenter_co(Ref<Lock> self);

 private:
  void wake_up_first();
  bool locked_ = false;
  bool has_waiters_ = false;  // self._waiters is not None
  Waiters waiters_;
};

}  // namespace loopscope::asyncio
