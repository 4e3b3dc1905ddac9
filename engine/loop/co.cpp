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

void CoPromise::Initial::await_resume() const {
  if (p->root && p->root->thrown && !p->parent) {
    Ref<ExceptionObj> e = std::move(p->root->thrown);
    throw PyError{e};
  }
}

void CoPromise::unhandled_exception() {
  try {
    throw;
  } catch (const PyError& e) {
    exc = e.exc;
  } catch (...) {
    root->foreign = std::current_exception();
  }
}

std::coroutine_handle<> CoPromise::Final::await_suspend(CoHandle h) const noexcept {
  CoPromise& p = h.promise();
  if (p.parent) return p.parent;
  return std::noop_coroutine();
}

std::coroutine_handle<> Co::Awaiter::await_suspend(CoHandle parent) const noexcept {
  CoPromise& c = child.promise();
  c.parent = parent;
  c.root = parent.promise().root;
  return child;  // start the callee at once, as `await coro()` does
}

Value Co::Awaiter::await_resume() const {
  CoPromise& c = child.promise();
  if (c.root->foreign) std::rethrow_exception(std::exchange(c.root->foreign, nullptr));
  if (c.exc) throw PyError{c.exc};
  return c.result;
}

void FutureAwaiter::await_suspend(CoHandle h) {
  root = h.promise().root;
  future->blocking = true;
  root->outcome = StepResult::Kind::Future;
  root->yielded = future;
  root->leaf = h;
}

Value FutureAwaiter::await_resume() {
  if (root && root->thrown) {
    Ref<ExceptionObj> e = std::move(root->thrown);
    throw PyError{e};
  }
  return future->result();
}

void YieldFuture::await_suspend(CoHandle h) {
  root = h.promise().root;
  root->outcome = StepResult::Kind::Future;
  root->yielded = future;
  root->leaf = h;
}

void YieldFuture::await_resume() {
  if (root->thrown) {
    Ref<ExceptionObj> e = std::move(root->thrown);
    throw PyError{e};
  }
}

void YieldNow::await_suspend(CoHandle h) {
  root = h.promise().root;
  root->outcome = StepResult::Kind::BareYield;
  root->leaf = h;
}

void YieldNow::await_resume() {
  if (root->thrown) {
    Ref<ExceptionObj> e = std::move(root->thrown);
    throw PyError{e};
  }
}

CppCoroutine::CppCoroutine(Co co, std::string qualname, World* world)
    : h_(co.release()), qualname_(intern_qualname(qualname)), world_(world) {
  h_.promise().root = &root_;
  root_.leaf = h_;
}

CppCoroutine::~CppCoroutine() {
  if (h_) h_.destroy();
}

void CppCoroutine::finalize() {
  if (started_ || !world_) return;
  Trace& t = world_->trace;
  t.add(Ev::Warning, t.str("RuntimeWarning: coroutine '" + *qualname_ + "' was never awaited"));
}

StepResult CppCoroutine::resume() {
  started_ = true;
  root_.yielded.reset();
  CoHandle leaf = root_.leaf;
  leaf.resume();
  StepResult r;
  if (h_.done()) {
    CoPromise& p = h_.promise();
    if (root_.foreign) std::rethrow_exception(std::exchange(root_.foreign, nullptr));
    if (p.exc) {
      r.kind = StepResult::Kind::Raise;
      r.exc = p.exc;
    } else {
      r.kind = StepResult::Kind::Return;
      r.value = p.result;
    }
    return r;
  }
  r.kind = root_.outcome;
  r.future = std::move(root_.yielded);
  return r;
}

StepResult CppCoroutine::send(Value) {
  if (h_.done()) {
    StepResult r;
    r.kind = StepResult::Kind::Raise;
    r.exc = make_exc(Exc::RuntimeError, "cannot reuse already awaited coroutine");
    return r;
  }
  return resume();
}

StepResult CppCoroutine::throw_exc(Ref<ExceptionObj> e) {
  if (h_.done()) {
    StepResult r;
    r.kind = StepResult::Kind::Raise;
    r.exc = e;
    return r;
  }
  root_.thrown = std::move(e);
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
