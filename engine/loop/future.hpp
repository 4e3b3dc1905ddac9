#pragma once
// asyncio.Future, ported from CPython 3.11's futures.py.
//
// Invariant (as in CPython): a future never calls its callbacks directly;
// when it completes, each callback is scheduled with call_soon.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/object/exception.hpp"
#include "engine/object/pool.hpp"
#include "engine/trace/event.hpp"

namespace loopscope {

class EventLoop;
class Task;
class Future;

// A done-callback: called with the completed future, always via call_soon.
struct DoneCallback {
  // One per callback added (gather adds one per child): from the free lists.
  static void* operator new(size_t n) { return pool::allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }
  std::function<void(Future*)> fn;
  std::string qualname;       // e.g. "gather._done_callback"; the trace shows qualname(F)
  std::string bound_args;     // functools.partial's arguments: the trace shows qualname(args, F)
  std::string bound_keywords;  // and its keywords: qualname(args, F, k=v)
  Ref<Object> wakeup_task;    // a Task, for Task.__wakeup (the trace shows Task-N.wakeup(F))
  // The engine object `fn` works on (captured there as a plain pointer),
  // owned here so that the cycle collector sees the reference.
  Ref<Object> holder;
  uint64_t token = 0;         // for remove_done_callback
  const void* callable = nullptr;  // a script callback's function object: Future.remove_done_callback(fn)
  std::string source;         // as a future's repr shows it ("cb() at x.py:3"); qualname + "()" when empty
};

class Future : public Object {
 public:
  enum class State : uint8_t { Pending, Cancelled, Finished };

  // A plain future; `origin` is what the trace shows as future+ origin=...,
  // `awaited` what a task waiting on it shows (the W grammar; "%F" stands
  // for this future's label F#n).
  Future(EventLoop& loop, std::string_view origin, std::string_view awaited = "future %F");
  ~Future() override;
  // Futures and tasks (and their subclasses) come from the free lists.
  static void* operator new(size_t n) { return pool::allocate(n); }
  static void operator delete(void* p, size_t n) noexcept { pool::deallocate(p, n); }
  std::string type_name() const override { return "Future"; }
  std::string repr() const override;
  // The state part of the repr: "pending", "cancelled", "finished result=...".
  std::string repr_info() const;
  // " cb=[...]" as CPython's repr shows the callbacks, or "".
  std::string callbacks_repr() const;
  void finalize() override;

  EventLoop& loop() const { return *loop_; }
  State state() const { return state_; }
  bool done() const { return state_ != State::Pending; }
  bool cancelled() const { return state_ == State::Cancelled; }

  // Future.cancel(msg): False when already done. Task and gather's
  // future override it, as in CPython.
  virtual bool cancel(Value msg = {});
  // Whether cancel() would return True now (decides what Task.cancel shows).
  virtual bool would_cancel() const { return !done(); }
  void set_result(Value v);
  void set_exception(Ref<ExceptionObj> e);
  // Future.result(): the value, or throws PyError (CancelledError,
  // InvalidStateError, or the stored exception).
  Value result();
  // Future.exception(): nullptr when it finished with a result.
  Ref<ExceptionObj> exception();

  uint64_t add_done_callback(DoneCallback cb);
  size_t remove_done_callback(uint64_t token);
  // Removes every callback added with this `callable`; returns how many.
  size_t remove_done_callbacks_of(const void* callable);
  size_t callback_count() const { return callbacks_.size(); }
  void clear_callbacks() { callbacks_.clear(); }
  // The cycle collector's view (engine/loop/cycles.cpp): the tasks this
  // future's callbacks wake (Task.__wakeup), once per callback, and the
  // exception it holds.
  virtual void visit_refs(const std::function<void(Object*)>& fn) const;
  // The exception it finished with, or null (without retrieving it).
  ExceptionObj* held_exception() const { return stored_exception(); }
  // Whether the future holds an exception nobody retrieved.
  bool logs_traceback() const { return log_traceback_; }
  // "... exception was never retrieved", once (what its death reports).
  void report_unretrieved();
  // Nothing is reported when it dies (the run is over).
  void silence() { log_traceback_ = false; }

  // The trace label: F#n for a plain future, the name for a task.
  virtual std::string label() const;
  // What a task waiting on this future shows (the W grammar).
  virtual std::string awaited_text() const;
  // Replaces the W text once it is known (wait_for learns what it waits on
  // after creating its future); "%F" stands for the label.
  void set_awaited(std::string_view pattern);
  uint32_t number() const { return number_; }
  // Creation order among all futures and tasks (where CPython iterates a
  // set of them, the reference uses this order).
  uint32_t serial() const { return serial_; }
  // hash(): the creation number, counted from 1 as the reference counts it.
  uint64_t identity_hash() const override { return uint64_t(serial_) + 1; }
  bool is_task() const { return kind() == ObjKind::Task; }

  // Fields CPython keeps on the future, reachable for the library.
  const Value& cancel_message() const;
  Ref<ExceptionObj> make_cancelled_error();
  // _cancelled_exc: the CancelledError a task's coroutine raised, kept to
  // chain it later.
  void set_cancelled_exc(Ref<ExceptionObj> e);

 protected:
  Future(EventLoop& loop, ObjKind kind);  // for Task
  void schedule_callbacks();
  void trace_resolve();  // Resolve event for plain futures
  bool finish_cancel(Value msg);
  void set_cancel_message(Value msg);
  // The exception it finished with, or null.
  ExceptionObj* stored_exception() const { return has_exception_ ? result_.as<ExceptionObj>() : nullptr; }

  // A future exists per sleep and a task per coroutine, so the layout is
  // kept tight: the one-byte fields come first, where they fill the spare
  // bytes of the object header.
  State state_ = State::Pending;
  bool log_traceback_ = false;
  bool has_exception_ = false;  // result_ holds the exception
  EventLoop* loop_;
  Value result_;  // the result, or the exception (has_exception_)

  // Set when cancel(msg) brought a message or a task kept its
  // CancelledError: rare, so kept apart.
  struct CancelInfo {
    Value message;
    Ref<ExceptionObj> cancelled_exc;
    int cancels_requested = 0;  // Task._num_cancels_requested
  };
  CancelInfo& cancel_info();
  std::unique_ptr<CancelInfo> cancel_;

  // The callback list. Task.__wakeup, by far the most common callback (every
  // task waiting on the future adds one), is kept as just the task; any
  // other callback is boxed. An entry is one word: a Task* (owning a
  // reference) or, with the low bit set, a DoneCallback* (owned). The list
  // itself is one word: empty (0), a single entry, or (tag 2) a pointer to a
  // block holding the size, the capacity and the entries.
  class Callbacks {
   public:
    Callbacks() = default;
    Callbacks(const Callbacks&) = delete;
    Callbacks& operator=(const Callbacks&) = delete;
    ~Callbacks();
    static uintptr_t task(Task* t);
    static uintptr_t boxed(std::unique_ptr<DoneCallback> cb) { return reinterpret_cast<uintptr_t>(cb.release()) | 1; }
    static bool is_boxed(uintptr_t e) { return e & 1; }
    static Task* as_task(uintptr_t e) { return reinterpret_cast<Task*>(e); }
    static DoneCallback* as_boxed(uintptr_t e) { return reinterpret_cast<DoneCallback*>(e & ~uintptr_t(1)); }

    size_t size() const { return word_ == 0 ? 0 : is_many() ? many()->size : 1; }
    bool empty() const { return size() == 0; }
    uintptr_t operator[](size_t i) const { return is_many() ? many()->items()[i] : word_; }
    void push_back(uintptr_t e);
    // Removes the boxed entries whose token is `token`; returns how many.
    size_t remove(uint64_t token);
    // Removes the boxed entries `matches` accepts; returns how many.
    size_t remove_if(const std::function<bool(const DoneCallback&)>& matches);
    void swap(Callbacks& o) noexcept { std::swap(word_, o.word_); }
    void clear() {
      Callbacks gone;
      gone.swap(*this);
    }
    static void release(uintptr_t e);

   private:
    struct Many {  // followed by `cap` entries
      uint32_t size;
      uint32_t cap;
      uintptr_t* items() { return reinterpret_cast<uintptr_t*>(this + 1); }
    };
    static constexpr uintptr_t kManyTag = 2;
    bool is_many() const { return word_ & kManyTag; }
    Many* many() const { return reinterpret_cast<Many*>(word_ & ~kManyTag); }
    static Many* new_many(uint32_t cap);
    uintptr_t word_ = 0;
  };
  Callbacks callbacks_;
  // A plain future's number (F#n) and W text's string id; a task keeps its
  // id and its name's string id in the same two words.
  uint32_t number_ = 0;
  uint32_t text_ = kNoString;
  uint32_t serial_ = 0;

 public:
  bool blocking = false;  // _asyncio_future_blocking
};

}  // namespace loopscope
