#pragma once
// asyncio.Condition, ported from CPython 3.11's locks.py. Without a lock
// argument it makes its own, labelled Condition#n/Lock.

#include <functional>

#include "engine/lib/lock.hpp"

namespace loopscope::asyncio {

class Condition final : public LoopBoundObject {
 public:
  // `owner`: the label of the asyncio object it belongs to (Barrier#1).
  explicit Condition(World& world, Ref<Lock> lock = nullptr, const std::string& owner = {});
  std::string repr() const override;

  const Ref<Lock>& lock() const { return lock_; }
  bool locked() const { return lock_->locked(); }
  Ref<Coroutine> acquire() { return lock_->acquire(); }
  void release() { lock_->release(); }

  // `async def wait()`: the Coroutine "Condition.wait" (True).
  Ref<Coroutine> wait();
  static Co wait_co(Ref<Condition> self);
  // `async def wait_for(predicate)`: "Condition.wait_for"; the predicate's
  // last value is the result.
  Ref<Coroutine> wait_for(std::function<Value()> predicate);
  static Co wait_for_co(Ref<Condition> self, std::function<Value()> predicate);
  // Raise RuntimeError('cannot notify on un-acquired lock') when unlocked.
  void notify(int64_t n = 1);
  void notify_all() { notify(int64_t(waiters_.size())); }

 private:
  Ref<Lock> lock_;
  Waiters waiters_;
};

// Python truthiness of the values a predicate returns.
bool truthy(const Value& v);

}  // namespace loopscope::asyncio
