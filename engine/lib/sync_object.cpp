#include "engine/lib/sync_object.hpp"

#include <algorithm>
#include <utility>

namespace loopscope {

LoopBoundObject::LoopBoundObject(World& world, std::string type, const std::string& owner)
    : Object(ObjKind::Other), world_(&world), type_(std::move(type)) {
  // A user subclass's instance is labelled by the subclass's name (MyQueue#1).
  std::string shown = world.subclass_name.empty() ? type_ : std::exchange(world.subclass_name, {});
  if (owner.empty()) {
    label_ = shown + "#" + std::to_string(world.number_object(shown));
  } else {
    label_ = owner + "/" + type_;
  }
}

EventLoop& LoopBoundObject::get_loop() {
  EventLoop* running = world_->running_loop;
  if (!running) throw PyError{make_exc(Exc::RuntimeError, "no running event loop")};
  if (!loop_) loop_ = running;
  if (loop_ != running) {
    throw PyError{make_exc(Exc::RuntimeError, repr() + " is bound to a different event loop")};
  }
  return *running;
}

Ref<Future> LoopBoundObject::new_waiter(const std::string& method) {
  std::string origin = label_ + "." + method;
  return get_loop().create_future(origin, origin + " %F");
}

std::string LoopBoundObject::actor() const {
  EventLoop* loop = world_->running_loop;
  if (loop && loop->current_task()) return loop->current_task()->name();
  return "the main program";
}

bool remove_waiter(Waiters& waiters, const Future* fut) {
  auto it = std::find_if(waiters.begin(), waiters.end(),
                         [&](const Ref<Future>& w) { return w.get() == fut; });
  if (it == waiters.end()) return false;
  waiters.erase(it);
  return true;
}

}  // namespace loopscope
