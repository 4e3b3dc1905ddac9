#pragma once
// asyncio.gather, ported from CPython 3.11's tasks.py.

#include <vector>

#include "engine/loop/event_loop.hpp"

namespace loopscope {

// A future that also cancels its children (tasks._GatheringFuture).
class GatheringFuture final : public Future {
 public:
  GatheringFuture(EventLoop& loop, std::vector<Ref<Future>> children);
  std::string type_name() const override { return "_GatheringFuture"; }
  bool cancel(Value msg = {}) override;
  bool would_cancel() const override;
  bool cancel_requested = false;
  std::vector<Ref<Future>> children;
};

// Each argument is a Coroutine (wrapped in a task, in argument order) or a
// Future/Task. The result resolves to a ListObj of the children's results.
Ref<Future> gather(EventLoop& loop, const std::vector<Value>& args, bool return_exceptions = false);

// ensure_future: a coroutine becomes a task; a future is returned as is.
Ref<Future> ensure_future(EventLoop& loop, const Value& arg);

}  // namespace loopscope
