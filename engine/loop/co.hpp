#pragma once
// C++20 coroutines that speak the step protocol, so C++ code (the engine's
// tests, the asyncio library, C++ users) drives the loop the way Python does:
//
//   Co worker(EventLoop& loop) {
//     co_await sleep(loop, 1.0);            // await a coroutine (yield from)
//     Value v = co_await some_future;       // await a Future or Task
//     co_return Value::integer(42);
//   }
//   auto task = loop.create_task(coroutine(worker(loop), "worker"));
//
// Awaiting a Co runs it inside the awaiting frame (like `await coro()`);
// awaiting a Future suspends the whole chain and hands that future to the
// Task driving the outermost coroutine.
//
//   Task --send/throw--> CppCoroutine --resume--> leaf frame
//                              ^                     |
//                              +--- co_signal <------+ (what it yielded)

#include <coroutine>
#include <exception>
#include <string>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/future.hpp"
#include "engine/loop/world.hpp"
#include "engine/object/pool.hpp"

namespace loopscope {

struct CoPromise;
using CoHandle = std::coroutine_handle<CoPromise>;

// What passes between frames while a chain runs: what the leaf yielded,
// what a finished frame returned or raised, what is thrown into the chain.
// Each is written just before control moves to the frame or the resumer
// that reads it, and read at once, so one slot per thread serves every
// chain (a chain resumed inside another finishes its resume before the
// outer one reads). Suspended frames keep none of it: a sleeping task's
// frames are only as large as their own locals.
//
// What every step touches is kept trivially destructible, so reading it
// costs no check that the thread's copy was initialised.
struct CoSignal {
  StepResult::Kind outcome = StepResult::Kind::Return;
  CoHandle leaf;                    // the frame that suspended
  Future* yielded = nullptr;        // what it yielded (holds a reference while set)
  ExceptionObj* thrown = nullptr;   // thrown into the chain on this resume (holds a reference)
};
inline thread_local CoSignal co_signal;

// Throws the exception thrown into the chain, if any (on resumption).
[[noreturn]] void co_throw_thrown();
inline void co_take_thrown() {
  if (co_signal.thrown) [[unlikely]] co_throw_thrown();
}

// A frame's outcome on its way to its caller (rarer than a step: once per
// finished frame).
struct CoOutcome {
  Value result;           // the return value
  Ref<ExceptionObj> exc;  // or the Python exception it raised
  // A C++ exception that is not a Python one (a LoopAbort), on its way out
  // of the chain: each frame it leaves rethrows it into its caller.
  std::exception_ptr foreign;
};
CoOutcome& co_outcome();

class Co {
 public:
  using promise_type = CoPromise;
  explicit Co(CoHandle h) : h_(h) {}
  Co(Co&& o) noexcept : h_(o.h_) { o.h_ = nullptr; }
  Co& operator=(Co&& o) noexcept;
  Co(const Co&) = delete;
  ~Co();
  CoHandle handle() const { return h_; }
  CoHandle release() { auto h = h_; h_ = nullptr; return h; }

  struct Awaiter;
  Awaiter operator co_await() &&;

 private:
  CoHandle h_;
};

struct CoPromise {
  CoHandle parent;  // the frame awaiting this one; null for the outermost

  Co get_return_object() { return Co(CoHandle::from_promise(*this)); }
  // Frames come from a free list: `co_await sleep(loop, 0)` makes one per step.
  static void* operator new(size_t n) { return pool::allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }

  struct Initial {
    bool await_ready() const noexcept { return false; }
    void await_suspend(CoHandle) const noexcept {}
    void await_resume() const { co_take_thrown(); }  // throwing into a coroutine that never ran
  };
  Initial initial_suspend() { return {}; }

  struct Final {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(CoHandle h) const noexcept;
    void await_resume() const noexcept {}
  };
  Final final_suspend() noexcept { return {}; }

  void return_value(Value v) { co_outcome().result = std::move(v); }
  void unhandled_exception();
};

struct Co::Awaiter {
  CoHandle child;
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(CoHandle parent) const noexcept;
  Value await_resume() const;
};

// `co_await future`: suspends the chain unless the future is done.
struct FutureAwaiter {
  Ref<Future> future;
  bool await_ready() const { return future->done(); }
  void await_suspend(CoHandle h);
  Value await_resume();
};
inline FutureAwaiter operator co_await(const Ref<Future>& f) { return FutureAwaiter{f}; }
// `co_await std::move(fut)`: the awaiter holds the frame's only reference
// (the cycle collector counts one per awaited future).
inline FutureAwaiter operator co_await(Ref<Future>&& f) { return FutureAwaiter{std::move(f)}; }
template <class T>
  requires std::is_base_of_v<Future, T>
FutureAwaiter operator co_await(const Ref<T>& f) { return FutureAwaiter{Ref<Future>(f.get())}; }

// Passes on a future another coroutine yielded, without reading its result.
struct YieldFuture {
  Ref<Future> future;
  bool await_ready() const noexcept { return false; }
  void await_suspend(CoHandle h);
  void await_resume();
};

// A bare `yield`: gives the loop back for one iteration (sleep(0)).
struct YieldNow {
  bool await_ready() const noexcept { return false; }
  void await_suspend(CoHandle h) noexcept {
    co_signal.outcome = StepResult::Kind::BareYield;
    co_signal.leaf = h;
  }
  void await_resume() { co_take_thrown(); }
};
inline YieldNow yield_now() { return {}; }

// The Coroutine a Task drives: the outermost frame of a chain.
class CppCoroutine final : public Coroutine {
 public:
  // With a world, an instance that is never started reports "coroutine
  // '<qualname>' was never awaited" when it is destroyed, as CPython does.
  CppCoroutine(Co co, std::string qualname, World* world = nullptr);
  ~CppCoroutine() override;
  static void* operator new(size_t n) { return pool::allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }
  StepResult send(Value v) override;
  StepResult throw_exc(Ref<ExceptionObj> e) override;
  std::string qualname() const override { return *qualname_; }
  void finalize() override;
  // The future the chain waits on (its awaiter's reference).
  void visit_refs(const std::function<void(Object*)>& fn) const override {
    if (awaiting_) fn(awaiting_);
  }
  // Destroys the frames: their cleanups (a sleep's `h.cancel()`) run.
  void close_abandoned() override;

 private:
  Future* awaiting_ = nullptr;
  inline StepResult resume();
  CoHandle h_;
  CoHandle leaf_;  // the frame to resume
  const std::string* qualname_;  // interned: one copy per distinct name
  World* world_;
};

inline Ref<Coroutine> coroutine(Co co, std::string qualname, World* world = nullptr) {
  return make<CppCoroutine>(std::move(co), std::move(qualname), world);
}

// Awaiting a Coroutine object from C++ (e.g. one a script made): drives it
// like `yield from`, forwarding what it yields.
Co await_coroutine(Ref<Coroutine> c);

}  // namespace loopscope
