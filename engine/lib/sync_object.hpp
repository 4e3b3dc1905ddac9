#pragma once
// What the asyncio library's objects (Queue, Event, Lock, Semaphore,
// Condition, ...) share: a label for the trace and mixins._LoopBoundMixin.
//
// Labels: an object the program creates is numbered per type (Queue#1,
// Event#2); an object asyncio creates for another one is named after its
// owner (Queue#1/Event, Condition#1/Lock) and takes no number.

#include <deque>
#include <string>

#include "engine/loop/event_loop.hpp"

namespace loopscope {

class LoopBoundObject : public Object {
 public:
  // `owner` empty: the program made it, so it gets the next Type#n.
  LoopBoundObject(World& world, std::string type, const std::string& owner = {});
  std::string type_name() const override { return type_; }
  ClassObj* type_object() const override { return type_object_; }
  void cache_type_object(ClassObj* c) override { type_object_ = c; }
  const std::string& label() const { return label_; }
  World& world() const { return *world_; }
  // _LoopBoundMixin._get_loop(): binds to the running loop on first use.
  EventLoop& get_loop();
  // A waiter future made by `method` (the trace shows origin=Label.method
  // and a waiting task as `Label.method F#n`).
  Ref<Future> new_waiter(const std::string& method);
  // Records the object's state for the window (see ObjectNote), when the run
  // keeps notes (RunOptions::object_notes); build costly states only if noting().
  bool noting() const { return world_->options.object_notes; }
  void note(std::string_view state) {
    if (noting()) world_->trace.note(label_, state);
  }
  // The running task's name, or "the main program".
  std::string actor() const;

 protected:
  World* world_;
  EventLoop* loop_ = nullptr;
  std::string type_;
  ClassObj* type_object_ = nullptr;  // the script's class for type_, once looked up
  std::string label_;
};

using Waiters = std::deque<Ref<Future>>;

// deque.remove(fut): drops the first occurrence; false when absent.
bool remove_waiter(Waiters& waiters, const Future* fut);

}  // namespace loopscope
