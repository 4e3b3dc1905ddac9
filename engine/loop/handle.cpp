#include "engine/loop/handle.hpp"

#include "engine/loop/event_loop.hpp"

namespace loopscope {

std::string Handle::repr() const {
  return "<" + type_name() + " h#" + std::to_string(id) + (cancelled_ ? " cancelled" : "") + ">";
}

void Handle::cancel() {
  if (cancelled_) return;
  cancelled_ = true;
  Trace& t = loop->trace();
  if (is_timer) {
    t.add(Ev::TimerCancel, id, loop->who(), 0, scheduled ? 1 : 0);
    loop->timer_handle_cancelled(this);
  } else {
    t.add(Ev::HandleCancel, id, loop->who());
  }
  // CPython drops the callback and its arguments at once.
  fn = nullptr;
}

void Handle::run() {
  switch (kind) {
    case Kind::TaskStep:
      task->step(exc);
      break;
    case Kind::TaskWakeup:
      task->wakeup(future.get());
      break;
    case Kind::Callback:
      try {
        if (fn) fn();
      } catch (const PyError& e) {
        loop->report_error("Exception in callback " + loop->trace().string(text), nullptr, this,
                           e.exc);
      }
      break;
  }
}

}  // namespace loopscope
