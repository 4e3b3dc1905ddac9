#include "engine/loop/co.hpp"

#include <mutex>
#include <set>

#include "engine/loop/event_loop.hpp"

namespace loopscope {

namespace {

// Coroutine names, each stored once for the whole process (there are as
// many as the program has coroutine functions).
const std::string* intern_qualname(std::string_view name) {
  static std::mutex lock;
  static std::set<std::string, std::less<>> names;
  std::lock_guard<std::mutex> hold(lock);
  auto it = names.find(name);
  if (it == names.end()) it = names.emplace(name).first;
  return &*it;
}

}  // namespace

Co& Co::operator=(Co&& o) noexcept {
  if (this != &o) {
    if (h_) h_.destroy();
    h_ = o.h_;
    o.h_ = nullptr;
  }
  return *this;
}

Co::~Co() {
  if (h_) h_.destroy();
}

Co::Awaiter Co::operator co_await() && { return Awaiter{h_}; }

namespace {
thread_local CoOutcome flight;
}  // namespace

CoOutcome& co_outcome() { return flight; }

void co_throw_thrown() {
  auto e = Ref<ExceptionObj>::adopt(std::exchange(co_signal.thrown, nullptr));
  throw PyError{e};
}

void CoPromise::unhandled_exception() {
  try {
    throw;
  } catch (const PyError& e) {
    flight.exc = e.exc;
  } catch (...) {
    flight.foreign = std::current_exception();
  }
}

std::coroutine_handle<> CoPromise::Final::await_suspend(CoHandle h) const noexcept {
  CoPromise& p = h.promise();
  if (p.parent) return p.parent;
  return std::noop_coroutine();
}

std::coroutine_handle<> Co::Awaiter::await_suspend(CoHandle parent) const noexcept {
  child.promise().parent = parent;
  return child;  // start the callee at once, as `await coro()` does
}

Value Co::Awaiter::await_resume() const {
  if (flight.foreign) std::rethrow_exception(std::exchange(flight.foreign, nullptr));
  if (flight.exc) {
    Ref<ExceptionObj> e = std::move(flight.exc);
    throw PyError{e};
  }
  return std::move(flight.result);
}

namespace {
// The chain suspends at `h`, handing `f` to the task.
void signal_yield(CoHandle h, const Ref<Future>& f) {
  co_signal.outcome = StepResult::Kind::Future;
  co_signal.yielded = Ref<Future>(f).release();
  co_signal.leaf = h;
}
}  // namespace

void FutureAwaiter::await_suspend(CoHandle h) {
  future->blocking = true;
  signal_yield(h, future);
}

Value FutureAwaiter::await_resume() {
  co_take_thrown();
  return future->result();
}

void YieldFuture::await_suspend(CoHandle h) { signal_yield(h, future); }

void YieldFuture::await_resume() { co_take_thrown(); }

CppCoroutine::CppCoroutine(Co co, std::string qualname, World* world)
    : h_(co.release()), leaf_(h_), qualname_(intern_qualname(qualname)), world_(world) {}

CppCoroutine::~CppCoroutine() {
  if (h_) h_.destroy();
}

void CppCoroutine::finalize() {
  if (started_ || !world_) return;
  Trace& t = world_->trace;
  t.add(Ev::Warning, t.str("RuntimeWarning: coroutine '" + *qualname_ + "' was never awaited"));
}

void CppCoroutine::close_abandoned() {
  if (!h_ || !started_ || h_.done()) return;
  awaiting_ = nullptr;
  std::exchange(h_, nullptr).destroy();
}

inline StepResult CppCoroutine::resume() {
  started_ = true;
  awaiting_ = nullptr;
  leaf_.resume();
  StepResult r;
  if (h_.done()) {
    if (flight.foreign) std::rethrow_exception(std::exchange(flight.foreign, nullptr));
    if (flight.exc) {
      r.kind = StepResult::Kind::Raise;
      r.exc = std::move(flight.exc);
    } else {
      r.kind = StepResult::Kind::Return;
      r.value = std::move(flight.result);
    }
    return r;
  }
  leaf_ = co_signal.leaf;
  r.kind = co_signal.outcome;
  if (r.kind == StepResult::Kind::Future) {
    r.future = Ref<Future>::adopt(std::exchange(co_signal.yielded, nullptr));
    awaiting_ = r.future.get();
  }
  return r;
}

StepResult CppCoroutine::send(Value) {
  if (!h_ || h_.done()) {
    StepResult r;
    r.kind = StepResult::Kind::Raise;
    r.exc = make_exc(Exc::RuntimeError, "cannot reuse already awaited coroutine");
    return r;
  }
  return resume();
}

StepResult CppCoroutine::throw_exc(Ref<ExceptionObj> e) {
  if (!h_ || h_.done()) {
    StepResult r;
    r.kind = StepResult::Kind::Raise;
    r.exc = e;
    return r;
  }
  co_signal.thrown = e.release();
  return resume();
}

Co await_coroutine(Ref<Coroutine> c) {
  Value sent;
  Ref<ExceptionObj> thrown;
  for (;;) {
    StepResult r = thrown ? c->throw_exc(std::move(thrown)) : c->send(sent);
    thrown.reset();
    switch (r.kind) {
      case StepResult::Kind::Return:
        co_return r.value;
      case StepResult::Kind::Raise:
        throw PyError{r.exc};
      case StepResult::Kind::BareYield:
        try {
          co_await yield_now();
        } catch (const PyError& e) {
          thrown = e.exc;
        }
        break;
      case StepResult::Kind::Future: {
        // Hand the same future up without waiting on its result ourselves:
        // the inner coroutine reads it when resumed.
        try {
          // A named awaiter: g++ 12 destroys a braced temporary operand of
          // co_await twice, which dropped a reference to the future.
          YieldFuture pass_on{r.future};
          co_await pass_on;
        } catch (const PyError& e) {
          thrown = e.exc;
        }
        break;
      }
    }
  }
}

}  // namespace loopscope
