#pragma once
// CPython's cycle collector, for what asyncio reports when objects die.
//
// Objects die by reference counting at once; objects in reference cycles
// only when the collector runs, which TRACE_FORMAT.md fixes at exactly two
// points: loop.close() and interpreter exit. Two cycles matter to asyncio:
// a pending task and the future it waits on (the future's callback wakes
// the task, the task holds the future), and a failed task whose
// exception's traceback keeps frames alive whose locals lead back to the
// task (ExceptionObj::kept_locals).

#include <functional>

#include "engine/object/value.hpp"

namespace loopscope {

struct World;
class EventLoop;

// An engine object whose references the collector can enumerate (beyond
// the kinds it knows: tasks, futures, coroutines, exceptions, lists,
// tuples, dicts), e.g. as_completed's state, which its callbacks hold.
class Traversable {
 public:
  virtual ~Traversable() = default;
  // Every object it refers to, once per reference.
  virtual void visit_refs(const std::function<void(Object*)>& fn) const = 0;
};

// The collection at loop.close(): trial deletion (as CPython's collector)
// over the tasks, the futures they wait on, their coroutines' frames,
// exceptions and the containers they lead to; any other holder counts as
// outside. What only cycles hold dies, in creation order: a pending task's
// coroutine is closed (its finally blocks run) and the task reports
// "destroyed but it is pending"; a failed task reports its exception.
void collect_cycles(World& w);

// Interpreter exit, after the globals died: the loops nobody holds (all but
// `kept`, the policy's loop) are closed as their __del__ does, then the
// cycles are collected. What `kept` still holds never reports.
void collect_at_exit(World& w, const EventLoop* kept);

}  // namespace loopscope
