#pragma once
// asyncio.Event, ported from CPython 3.11's locks.py.

#include "engine/lib/sync_object.hpp"
#include "engine/loop/co.hpp"

namespace loopscope::asyncio {

class Event final : public LoopBoundObject {
 public:
  explicit Event(World& world, const std::string& owner = {}) : LoopBoundObject(world, "Event", owner) {}
  std::string repr() const override;

  bool is_set() const { return value_; }
  // Wakes every waiter (each resolves to True); a no-op when already set.
  void set();
  void clear() {
    if (value_) note("not set");
    value_ = false;
  }
  // `async def wait()`: the Coroutine "Event.wait".
  Ref<Coroutine> wait();
  // The same body, to await from another C++ coroutine.
  static Co wait_co(Ref<Event> self);

  size_t waiter_count() const { return waiters_.size(); }

 private:
  bool value_ = false;
  Waiters waiters_;
};

}  // namespace loopscope::asyncio
