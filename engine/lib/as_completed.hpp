#pragma once
// asyncio.as_completed, ported from CPython 3.11's tasks.py: an iterator
// whose items are coroutines, each resolving to the next future to finish.

#include <vector>

#include "engine/lib/queue.hpp"
#include "engine/loop/cycles.hpp"

namespace loopscope {

class AsCompleted final : public Object, public Traversable {
 public:
  void visit_refs(const std::function<void(Object*)>& fn) const override;
  // `fs`: Futures, Tasks or Coroutines (wrapped in tasks in argument order
  // at the first next(), as the reference does); `timeout`: None or seconds.
  AsCompleted(EventLoop& loop, std::vector<Value> fs, Value timeout = {});
  std::string type_name() const override { return "generator"; }
  std::string repr() const override { return "<generator object as_completed at 0x?>"; }

  // next(it): the next `_wait_for_one()` coroutine, or nullptr when the
  // iterator is exhausted (StopIteration).
  Ref<Coroutine> next();

 private:
  void start();  // the generator body up to its first yield
  void on_timeout();
  void on_completion(Future* f);
  static Co wait_for_one(Ref<AsCompleted> self);

  EventLoop* loop_;
  std::vector<Value> args_;
  Value timeout_;
  bool started_ = false;
  size_t remaining_ = 0;  // coroutines still to hand out
  std::vector<Ref<Future>> todo_;  // creation order
  std::vector<uint64_t> tokens_;
  Ref<asyncio::Queue> done_;
  Ref<Handle> timeout_handle_;
};

Ref<AsCompleted> as_completed(EventLoop& loop, std::vector<Value> fs, Value timeout = {});

}  // namespace loopscope
