#include "engine/loop/handle.hpp"

#include "engine/loop/event_loop.hpp"

namespace loopscope {

// Handle._repr_info / TimerHandle._repr_info (the callback is dropped on cancel).
std::string Handle::repr() const {
  std::string s = "<" + type_name() + (cancelled_ ? " cancelled" : "");
  if (is_timer) s += " when=" + float_repr(when);
  if (!cancelled_) s += " " + source();
  return s + ">";
}

std::string Handle::source() const {
  if (callback_ && callback_->source) return callback_->source();
  return std::string(loop->trace().string(text));
}

Handle::Callback& Handle::callback() {
  if (!callback_) callback_ = std::make_unique<Callback>();
  return *callback_;
}

void Handle::set_fn(std::function<void()> fn) { callback().fn = std::move(fn); }

void Handle::set_done_fn(std::function<void(Future*)> fn, Future* f) {
  Callback& c = callback();
  c.done_fn = std::move(fn);
  c.done_arg = Ref<Object>(f);
}
void Handle::set_describe(std::function<std::string()> describe) { callback().describe = std::move(describe); }

void Handle::cancel() {
  if (cancelled_) return;
  cancelled_ = true;
  Trace& t = loop->trace();
  // Cancelling a handle that already ran changes nothing a user can see,
  // so it is not an event (the timer count still follows CPython).
  if (is_timer) {
    if (!ran) t.add(Ev::TimerCancel, id, loop->who(), 0, scheduled ? 1 : 0);
    loop->timer_handle_cancelled(this);
  } else if (!ran) {
    t.add(Ev::HandleCancel, id, loop->who());
  }
  // CPython drops the callback and its arguments at once.
  if (callback_) {
    callback_->fn = nullptr;
    callback_->done_fn = nullptr;
    callback_->done_arg.reset();
    callback_->source = nullptr;
  }
}

void Handle::run() {
  try {
    if (!callback_) return;
    if (callback_->done_fn) {
      callback_->done_fn(static_cast<Future*>(callback_->done_arg.get()));
    } else if (callback_->fn) {
      callback_->fn();
    }
  } catch (const PyError& e) {
    loop->report_error("Exception in callback " + std::string(loop->trace().string(text)), nullptr, this, e.exc);
  }
}

}  // namespace loopscope
