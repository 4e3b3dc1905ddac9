#pragma once
// asyncio.TaskGroup, ported from CPython 3.11.7's taskgroups.py: tasks
// created in the group are awaited by __aexit__; the first error (in a task
// or in the body) cancels the rest, and the errors come out together as an
// ExceptionGroup ("unhandled errors in a TaskGroup").
//
// From C++, `async with asyncio.TaskGroup() as tg:` is spelled
//
//   Ref<TaskGroup> tg = make<TaskGroup>(loop.world());
//   co_await TaskGroup::aenter_co(tg);
//   Ref<ExceptionObj> err;
//   try { ...body, tg->create_task(...)... } catch (const PyError& e) { err = e.exc; }
//   co_await TaskGroup::aexit_co(tg, err);   // may raise the group's error
//   if (err) throw PyError{err};             // __aexit__ returned: re-raise
//
// Determinism: the group keeps its tasks in creation order (CPython uses a
// set), so an abort cancels them in that order.

#include <vector>

#include "engine/lib/sync_object.hpp"
#include "engine/loop/co.hpp"
#include "engine/loop/cycles.hpp"

namespace loopscope::asyncio {

class TaskGroup final : public LoopBoundObject, public Traversable {
 public:
  explicit TaskGroup(World& world) : LoopBoundObject(world, "TaskGroup") {}
  std::string repr() const override;
  void visit_refs(const std::function<void(Object*)>& fn) const override;

  // TaskGroup.create_task(coro, name=None).
  Ref<Task> create_task(Ref<Coroutine> coro, Value name = {});

  // __aenter__ (returns the group) and __aexit__(exc) (returns None or
  // raises), as Coroutines ("TaskGroup.__aenter__", "TaskGroup.__aexit__")
  // and as C++ coroutines.
  Ref<Coroutine> aenter();
  Ref<Coroutine> aexit(Ref<ExceptionObj> exc);
  static Co aenter_co(Ref<TaskGroup> self);
  static Co aexit_co(Ref<TaskGroup> self, Ref<ExceptionObj> exc);

  // The group's unfinished tasks, in creation order.
  const std::vector<Ref<Task>>& tasks() const { return tasks_; }
  bool aborting() const { return aborting_; }

 private:
  static bool is_base_error(const ExceptionObj* exc);
  void abort();
  void on_task_done(Task* task);

  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  bool parent_cancel_requested_ = false;
  bool errors_released_ = false;  // `self._errors = None` after raising
  Ref<Task> parent_task_;
  std::vector<Ref<Task>> tasks_;
  std::vector<Ref<ExceptionObj>> errors_;
  Ref<ExceptionObj> base_error_;
  Ref<Future> on_completed_fut_;
};

}  // namespace loopscope::asyncio
