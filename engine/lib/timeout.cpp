#include "engine/lib/timeout.hpp"

#include <cmath>

#include "engine/lib/wait_for.hpp"

namespace loopscope::asyncio {

namespace {
const char* state_name(Timeout::State s) {
  switch (s) {
    case Timeout::State::Created: return "created";
    case Timeout::State::Entered: return "active";
    case Timeout::State::Expiring: return "expiring";
    case Timeout::State::Expired: return "expired";
    default: return "finished";
  }
}
}  // namespace

Timeout::Timeout(World& world, Value when) : LoopBoundObject(world, "Timeout"), when_(std::move(when)) {}

std::string Timeout::repr() const {
  std::string info;
  if (state_ == State::Entered) {
    info = " when=" + (when_.is_none() ? std::string("None")
                                       : loopscope::repr(Value::real(std::round(seconds_of(when_) * 1000) / 1000)));
  }
  return "<Timeout [" + std::string(state_name(state_)) + "]" + info + ">";
}

void Timeout::reschedule(Value when) {
  if (state_ != State::Entered) {
    if (state_ == State::Created) throw PyError{make_exc(Exc::RuntimeError, "Timeout has not been entered")};
    throw PyError{make_exc(Exc::RuntimeError, std::string("Cannot change state of ") + state_name(state_) + " Timeout")};
  }
  when_ = when;
  if (timeout_handler_) timeout_handler_->cancel();
  if (when.is_none()) {
    timeout_handler_.reset();
    return;
  }
  EventLoop& loop = get_loop();
  double at = seconds_of(when);
  Ref<Timeout> self(this);
  std::string text = label_ + "._on_timeout()";
  if (at <= loop.time()) {
    timeout_handler_ = loop.call_soon([self] { self->on_timeout(); }, text);
  } else {
    timeout_handler_ = loop.call_at(at, [self] { self->on_timeout(); }, text);
  }
}

void Timeout::on_timeout() {
  task_->cancel();
  state_ = State::Expiring;
  timeout_handler_.reset();  // drop the reference early
}

Co Timeout::aenter_co(Ref<Timeout> self) {
  if (self->state_ != State::Created) throw PyError{make_exc(Exc::RuntimeError, "Timeout has already been entered")};
  Task* task = self->get_loop().current_task();
  if (!task) throw PyError{make_exc(Exc::RuntimeError, "Timeout should be used inside a task")};
  self->state_ = State::Entered;
  self->task_ = Ref<Task>(task);
  self->cancelling_ = task->cancelling();
  self->reschedule(self->when_);
  co_return Value::object(self);
}

Co Timeout::aexit_co(Ref<Timeout> self, Ref<ExceptionObj> exc) {
  if (self->timeout_handler_) {
    self->timeout_handler_->cancel();
    self->timeout_handler_.reset();
  }
  if (self->state_ == State::Expiring) {
    self->state_ = State::Expired;
    // `exc_type is CancelledError`: the exact class, not a subclass.
    if (self->task_->uncancel() <= self->cancelling_ && exc && exc->cls.get() == exc_class(Exc::CancelledError)) {
      // Since there are no new cancel requests, we're handling this.
      Ref<ExceptionObj> e = make_exc(Exc::TimeoutError);
      e->cause = exc;
      e->context = exc;
      e->suppress_context = true;
      throw PyError{e};
    }
  } else if (self->state_ == State::Entered) {
    self->state_ = State::Exited;
  }
  co_return Value();
}

Ref<Coroutine> Timeout::aenter() {
  return coroutine(aenter_co(Ref<Timeout>(this)), "Timeout.__aenter__", world_);
}

Ref<Coroutine> Timeout::aexit(Ref<ExceptionObj> exc) {
  return coroutine(aexit_co(Ref<Timeout>(this), std::move(exc)), "Timeout.__aexit__", world_);
}

Ref<Timeout> timeout(EventLoop& loop, Value delay) {
  Value when = delay.is_none() ? Value() : Value::real(loop.time() + seconds_of(delay));
  return make<Timeout>(loop.world(), when);
}

Ref<Timeout> timeout_at(World& world, Value when) { return make<Timeout>(world, std::move(when)); }

}  // namespace loopscope::asyncio
