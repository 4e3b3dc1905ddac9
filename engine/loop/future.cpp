#include "engine/loop/future.hpp"

#include "engine/loop/event_loop.hpp"
#include "engine/loop/trace_text.hpp"

namespace loopscope {

namespace {

std::string replace_label(std::string_view pattern, const std::string& label) {
  std::string out(pattern);
  size_t at = out.find("%F");
  if (at != std::string::npos) out.replace(at, 2, label);
  return out;
}

}  // namespace

Future::Future(EventLoop& loop, std::string_view origin, std::string_view awaited)
    : Object(ObjKind::Future), loop_(&loop), number_(loop.world().next_future++),
      serial_(loop.world().next_serial++) {
  Trace& t = loop.trace();
  awaited_ = t.str(replace_label(awaited, label()));
  t.add(Ev::FutureNew, number_, t.str(origin), loop.who());
}

Future::Future(EventLoop& loop, ObjKind kind)
    : Object(kind), loop_(&loop), serial_(loop.world().next_serial++) {}

Future::~Future() = default;

std::string Future::label() const { return "F#" + std::to_string(number_); }
std::string Future::awaited_text() const { return std::string(loop_->trace().string(awaited_)); }
void Future::set_awaited(std::string_view pattern) { awaited_ = loop_->trace().str(replace_label(pattern, label())); }

std::string Future::repr() const {
  const char* st = state_ == State::Pending ? "pending" : state_ == State::Cancelled ? "cancelled" : "finished";
  return "<Future " + std::string(st) + ">";
}

void Future::finalize() {
  if (!log_traceback_) return;
  loop_->report_error(type_name() + " exception was never retrieved", this, nullptr, exception_);
}

bool Future::cancel(Value msg) {
  log_traceback_ = false;
  if (state_ != State::Pending) return false;
  return finish_cancel(std::move(msg));
}

bool Future::finish_cancel(Value msg) {
  state_ = State::Cancelled;
  cancel_message_ = std::move(msg);
  trace_resolve();
  schedule_callbacks();
  return true;
}

void Future::set_result(Value v) {
  if (state_ != State::Pending) throw PyError{make_exc(Exc::InvalidStateError, "invalid state")};
  result_ = std::move(v);
  state_ = State::Finished;
  trace_resolve();
  schedule_callbacks();
}

void Future::set_exception(Ref<ExceptionObj> e) {
  if (state_ != State::Pending) throw PyError{make_exc(Exc::InvalidStateError, "invalid state")};
  if (is_exc(e.get(), Exc::StopIteration)) {
    throw PyError{make_exc(Exc::TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")};
  }
  exception_ = std::move(e);
  state_ = State::Finished;
  log_traceback_ = true;
  trace_resolve();
  schedule_callbacks();
}

void Future::trace_resolve() {
  Trace& t = loop_->trace();
  if (is_task()) {
    auto* task = static_cast<Task*>(this);
    if (state_ == State::Cancelled) {
      t.add(Ev::Done, task->id(), 0, 0, uint8_t(DoneKind::Cancelled));
    } else if (exception_) {
      t.add(Ev::Done, task->id(), t.str(trace_exc(exception_.get())), 0, uint8_t(DoneKind::Raise));
    } else {
      t.add(Ev::Done, task->id(), t.str(trace_value(result_)), 0, uint8_t(DoneKind::Result));
    }
    return;
  }
  if (state_ == State::Cancelled) {
    t.add(Ev::Resolve, number_, 0, 0, uint8_t(DoneKind::Cancelled));
  } else if (exception_) {
    t.add(Ev::Resolve, number_, t.str(trace_exc(exception_.get())), 0, uint8_t(DoneKind::Raise));
  } else {
    t.add(Ev::Resolve, number_, t.str(trace_value(result_)), 0, uint8_t(DoneKind::Result));
  }
}

Ref<ExceptionObj> Future::make_cancelled_error() {
  if (cancelled_exc) {
    Ref<ExceptionObj> e = cancelled_exc;
    cancelled_exc.reset();
    return e;
  }
  std::vector<Value> args;
  if (!cancel_message_.is_none()) args.push_back(cancel_message_);
  return make_exc(Exc::CancelledError, std::move(args));
}

Value Future::result() {
  if (state_ == State::Cancelled) throw PyError{make_cancelled_error()};
  if (state_ != State::Finished) throw PyError{make_exc(Exc::InvalidStateError, "Result is not ready.")};
  log_traceback_ = false;
  if (exception_) throw PyError{exception_};
  return result_;
}

Ref<ExceptionObj> Future::exception() {
  if (state_ == State::Cancelled) throw PyError{make_cancelled_error()};
  if (state_ != State::Finished) throw PyError{make_exc(Exc::InvalidStateError, "Exception is not set.")};
  log_traceback_ = false;
  return exception_;
}

uint64_t Future::add_done_callback(DoneCallback cb) {
  static uint64_t next_token = 1;  // only identity matters; never printed
  cb.token = next_token++;
  uint64_t token = cb.token;
  if (state_ != State::Pending) {
    loop_->schedule_done_callback(cb, this);
  } else if (cb.wakeup_task) {
    callbacks_.push_back(CallbackEntry{std::move(cb.wakeup_task), nullptr, token});
  } else {
    callbacks_.push_back(CallbackEntry{nullptr, std::make_unique<DoneCallback>(std::move(cb)), token});
  }
  return token;
}

size_t Future::remove_done_callback(uint64_t token) {
  size_t before = callbacks_.size();
  std::erase_if(callbacks_, [&](const CallbackEntry& c) { return c.token == token; });
  return before - callbacks_.size();
}

void Future::schedule_callbacks() {
  if (callbacks_.empty()) return;
  std::vector<CallbackEntry> cbs;
  cbs.swap(callbacks_);
  for (const CallbackEntry& cb : cbs) {
    if (cb.wakeup_task) {
      loop_->schedule_wakeup(static_cast<Task*>(cb.wakeup_task.get()), this);
    } else {
      loop_->schedule_done_callback(*cb.other, this);
    }
  }
}

}  // namespace loopscope
