#pragma once
// asyncio.gather, ported from CPython 3.11's tasks.py.

#include <vector>

#include "engine/loop/cycles.hpp"
#include "engine/loop/event_loop.hpp"

namespace loopscope {

// A future that also cancels its children (tasks._GatheringFuture).
class GatheringFuture final : public Future {
 public:
  GatheringFuture(EventLoop& loop, std::vector<Ref<Future>> children);
  std::string type_name() const override { return "_GatheringFuture"; }
  // The script's asyncio.tasks._GatheringFuture (set by its gather()).
  ClassObj* type_object() const override { return type_object_; }
  void cache_type_object(ClassObj* c) override { type_object_ = c; }
  bool cancel(Value msg = {}) override;
  bool would_cancel() const override;
  void visit_refs(const std::function<void(Object*)>& fn) const override;
  bool cancel_requested = false;
  std::vector<Ref<Future>> children;

 private:
  ClassObj* type_object_ = nullptr;
};

// What gather's done callbacks share (in CPython the cells of their
// closure: outer, children, nfuts, nfinished). Each callback holds it, so
// the cycle collector sees a child lead to the outer future and the others.
class GatherState final : public Object, public Traversable {
 public:
  GatherState() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "cell"; }
  void visit_refs(const std::function<void(Object*)>& fn) const override;

  GatheringFuture* outer = nullptr;  // weak: the outer future owns nothing of this
  Ref<Future> outer_ref;             // kept until all children finish
  std::vector<Ref<Future>> children;
  size_t nfuts = 0;
  size_t nfinished = 0;
  bool return_exceptions = false;
};

// Each argument is a Coroutine (wrapped in a task, in argument order) or a
// Future/Task. The result resolves to a ListObj of the children's results.
Ref<Future> gather(EventLoop& loop, const std::vector<Value>& args, bool return_exceptions = false);

// ensure_future: a coroutine becomes a task; a future is returned as is.
Ref<Future> ensure_future(EventLoop& loop, const Value& arg);

}  // namespace loopscope
