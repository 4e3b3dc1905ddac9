#include "engine/loop/future.hpp"

#include <algorithm>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/task.hpp"
#include "engine/loop/trace_text.hpp"
#include "engine/object/reprlib.hpp"

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
      serial_(uint32_t(loop.world().next_serial++)) {
  Trace& t = loop.trace();
  text_ = t.str(replace_label(awaited, label()));
  t.add(Ev::FutureNew, number_, t.str(origin), loop.who());
}

Future::Future(EventLoop& loop, ObjKind kind)
    : Object(kind), loop_(&loop), serial_(uint32_t(loop.world().next_serial++)) {}

Future::~Future() = default;

std::string Future::label() const { return "F#" + std::to_string(number_); }
std::string Future::awaited_text() const { return std::string(loop_->trace().string(text_)); }
void Future::set_awaited(std::string_view pattern) { text_ = loop_->trace().str(replace_label(pattern, label())); }

// base_futures._future_repr_info, without the callbacks.
std::string Future::repr_info() const {
  if (state_ == State::Pending) return "pending";
  if (state_ == State::Cancelled) return "cancelled";
  if (ExceptionObj* e = stored_exception()) return "finished exception=" + loopscope::repr(Value::object(e));
  return "finished result=" + reprlib_repr(result_);
}

std::string Future::callbacks_repr() const {
  size_t n = callbacks_.size();
  if (n == 0) return "";
  auto one = [this](size_t i) -> std::string {
    uintptr_t e = callbacks_[i];
    if (!Callbacks::is_boxed(e)) return "Task.task_wakeup()";  // as the C accelerator names it
    const DoneCallback* cb = Callbacks::as_boxed(e);
    return cb->source.empty() ? cb->qualname + "()" : cb->source;
  };
  std::string s = one(0);
  if (n == 2) s += ", " + one(1);
  if (n > 2) s += ", <" + std::to_string(n - 2) + " more>, " + one(n - 1);
  return " cb=[" + s + "]";
}

std::string Future::repr() const { return "<" + type_name() + " " + repr_info() + callbacks_repr() + ">"; }

void Future::visit_refs(const std::function<void(Object*)>& fn) const {
  if (ExceptionObj* e = stored_exception()) fn(e);
  if (cancel_ && cancel_->cancelled_exc) fn(cancel_->cancelled_exc.get());  // _cancelled_exc
  for (size_t i = 0; i < callbacks_.size(); ++i) {
    uintptr_t e = callbacks_[i];
    if (!Callbacks::is_boxed(e)) {
      fn(Callbacks::as_task(e));
    } else {
      const DoneCallback* cb = Callbacks::as_boxed(e);
      if (cb->wakeup_task) fn(cb->wakeup_task.get());
      if (cb->holder) fn(cb->holder.get());
    }
  }
}

void Future::finalize() { report_unretrieved(); }

void Future::report_unretrieved() {
  if (!log_traceback_) return;
  log_traceback_ = false;  // once, even if the report keeps the future alive
  loop_->report_error(type_name() + " exception was never retrieved", this, nullptr, Ref<ExceptionObj>(stored_exception()));
}

bool Future::cancel(Value msg) {
  log_traceback_ = false;
  if (state_ != State::Pending) return false;
  return finish_cancel(std::move(msg));
}

Future::CancelInfo& Future::cancel_info() {
  if (!cancel_) cancel_ = std::make_unique<CancelInfo>();
  return *cancel_;
}

void Future::set_cancel_message(Value msg) {
  if (msg.is_none() && !cancel_) return;
  cancel_info().message = std::move(msg);
}

const Value& Future::cancel_message() const {
  static const Value kNone;
  return cancel_ ? cancel_->message : kNone;
}

void Future::set_cancelled_exc(Ref<ExceptionObj> e) {
  cancel_info().cancelled_exc = std::move(e);
}

bool Future::finish_cancel(Value msg) {
  state_ = State::Cancelled;
  set_cancel_message(std::move(msg));
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
  result_ = Value::object(e);
  has_exception_ = true;
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
    } else if (has_exception_) {
      t.add(Ev::Done, task->id(), t.str(trace_exc(stored_exception())), 0, uint8_t(DoneKind::Raise));
    } else {
      t.add(Ev::Done, task->id(), t.str(trace_value(result_)), 0, uint8_t(DoneKind::Result));
    }
    return;
  }
  if (state_ == State::Cancelled) {
    t.add(Ev::Resolve, number_, 0, 0, uint8_t(DoneKind::Cancelled));
  } else if (has_exception_) {
    t.add(Ev::Resolve, number_, t.str(trace_exc(stored_exception())), 0, uint8_t(DoneKind::Raise));
  } else {
    t.add(Ev::Resolve, number_, t.str(trace_value(result_)), 0, uint8_t(DoneKind::Result));
  }
}

Ref<ExceptionObj> Future::make_cancelled_error() {
  if (cancel_ && cancel_->cancelled_exc) {
    Ref<ExceptionObj> e = std::move(cancel_->cancelled_exc);
    return e;
  }
  std::vector<Value> args;
  if (!cancel_message().is_none()) args.push_back(cancel_message());
  return make_exc(Exc::CancelledError, std::move(args));
}

Value Future::result() {
  if (state_ == State::Cancelled) throw PyError{make_cancelled_error()};
  if (state_ != State::Finished) throw PyError{make_exc(Exc::InvalidStateError, "Result is not ready.")};
  log_traceback_ = false;
  if (has_exception_) throw PyError{Ref<ExceptionObj>(stored_exception())};
  return result_;
}

Ref<ExceptionObj> Future::exception() {
  if (state_ == State::Cancelled) throw PyError{make_cancelled_error()};
  if (state_ != State::Finished) throw PyError{make_exc(Exc::InvalidStateError, "Exception is not set.")};
  log_traceback_ = false;
  return Ref<ExceptionObj>(stored_exception());
}

uint64_t Future::add_done_callback(DoneCallback cb) {
  static uint64_t next_token = 1;  // only identity matters; never printed
  cb.token = next_token++;
  uint64_t token = cb.token;
  if (state_ != State::Pending) {
    loop_->schedule_done_callback(cb, this);
  } else if (cb.wakeup_task) {
    auto* task = static_cast<Task*>(cb.wakeup_task.get());
    callbacks_.push_back(Callbacks::task(task));
  } else {
    callbacks_.push_back(Callbacks::boxed(std::make_unique<DoneCallback>(std::move(cb))));
  }
  return token;
}

size_t Future::remove_done_callback(uint64_t token) { return callbacks_.remove(token); }

size_t Future::remove_done_callbacks_of(const void* callable) {
  return callbacks_.remove_if([callable](const DoneCallback& cb) { return cb.callable == callable; });
}

void Future::schedule_callbacks() {
  if (callbacks_.empty()) return;
  Callbacks cbs;  // released when it goes
  cbs.swap(callbacks_);
  for (size_t i = 0; i < cbs.size(); ++i) {
    uintptr_t cb = cbs[i];
    if (Callbacks::is_boxed(cb)) {
      loop_->schedule_done_callback(*Callbacks::as_boxed(cb), this);
    } else {
      loop_->schedule_wakeup(Callbacks::as_task(cb), this);
    }
  }
}

// ---- the callback list ----

uintptr_t Future::Callbacks::task(Task* t) {
  incref(t);
  return reinterpret_cast<uintptr_t>(t);
}

void Future::Callbacks::release(uintptr_t e) {
  if (is_boxed(e)) {
    delete as_boxed(e);
  } else {
    decref(as_task(e));
  }
}

Future::Callbacks::Many* Future::Callbacks::new_many(uint32_t cap) {
  void* p = ::operator new(sizeof(Many) + sizeof(uintptr_t) * cap);
  Many* m = static_cast<Many*>(p);
  m->size = 0;
  m->cap = cap;
  return m;
}

Future::Callbacks::~Callbacks() {
  if (!is_many()) {
    if (word_) release(word_);
    return;
  }
  Many* m = many();
  for (uint32_t i = 0; i < m->size; ++i) release(m->items()[i]);
  ::operator delete(m);
}

void Future::Callbacks::push_back(uintptr_t e) {
  if (word_ == 0) {
    word_ = e;
    return;
  }
  if (!is_many()) {
    Many* m = new_many(4);
    m->items()[0] = word_;
    m->size = 1;
    word_ = reinterpret_cast<uintptr_t>(m) | kManyTag;
  }
  Many* m = many();
  if (m->size == m->cap) {
    Many* bigger = new_many(m->cap * 2);
    std::copy(m->items(), m->items() + m->size, bigger->items());
    bigger->size = m->size;
    ::operator delete(m);
    m = bigger;
    word_ = reinterpret_cast<uintptr_t>(m) | kManyTag;
  }
  m->items()[m->size++] = e;
}

size_t Future::Callbacks::remove(uint64_t token) {
  return remove_if([token](const DoneCallback& cb) { return cb.token == token; });
}

size_t Future::Callbacks::remove_if(const std::function<bool(const DoneCallback&)>& pred) {
  auto matches = [&pred](uintptr_t e) { return is_boxed(e) && pred(*as_boxed(e)); };
  if (!is_many()) {
    if (!word_ || !matches(word_)) return 0;
    release(std::exchange(word_, 0));
    return 1;
  }
  Many* m = many();
  uint32_t kept = 0;
  size_t removed = 0;
  for (uint32_t i = 0; i < m->size; ++i) {
    if (matches(m->items()[i])) {
      release(m->items()[i]);
      ++removed;
    } else {
      m->items()[kept++] = m->items()[i];
    }
  }
  m->size = kept;
  return removed;
}

}  // namespace loopscope
