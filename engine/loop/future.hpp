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
#include "engine/trace/event.hpp"

namespace loopscope {

class EventLoop;
class Task;
class Future;

// A done-callback: called with the completed future, always via call_soon.
struct DoneCallback {
  std::function<void(Future*)> fn;
  std::string qualname;       // e.g. "gather._done_callback"; the trace shows qualname(F)
  std::string bound_args;     // functools.partial's arguments: the trace shows qualname(args, F)
  Ref<Object> wakeup_task;    // a Task, for Task.__wakeup (the trace shows Task-N.wakeup(F))
  uint64_t token = 0;         // for remove_done_callback
};

class Future : public Object {
 public:
  enum class State : uint8_t { Pending, Cancelled, Finished };

  // A plain future; `origin` is what the trace shows as future+ origin=...,
  // `awaited` what a task waiting on it shows (the W grammar; "%F" stands
  // for this future's label F#n).
  Future(EventLoop& loop, std::string_view origin, std::string_view awaited = "future %F");
  ~Future() override;
  std::string type_name() const override { return "Future"; }
  std::string repr() const override;
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
  size_t callback_count() const { return callbacks_.size(); }
  void clear_callbacks() { std::vector<CallbackEntry>().swap(callbacks_); }

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
  uint64_t serial() const { return serial_; }
  bool is_task() const { return kind() == ObjKind::Task; }

  // Fields CPython keeps on the future, reachable for the library.
  bool blocking = false;  // _asyncio_future_blocking
  const Value& cancel_message() const { return cancel_message_; }
  Ref<ExceptionObj> make_cancelled_error();
  Ref<ExceptionObj> cancelled_exc;  // _cancelled_exc

 protected:
  Future(EventLoop& loop, ObjKind kind);  // for Task
  void schedule_callbacks();
  void trace_resolve();  // Resolve event for plain futures
  bool finish_cancel(Value msg);

  EventLoop* loop_;
  State state_ = State::Pending;
  Value result_;
  Ref<ExceptionObj> exception_;
  Value cancel_message_;
  bool log_traceback_ = false;
  uint32_t number_ = 0;
  uint32_t awaited_ = kNoString;  // the W text's string id in the trace (plain futures)
  uint64_t serial_ = 0;

  // One entry of the callback list. Task.__wakeup, by far the most common
  // callback (every task waiting on the future adds one), is kept as just
  // the task; any other callback is boxed.
  struct CallbackEntry {
    Ref<Object> wakeup_task;             // set: Task.__wakeup of this task
    std::unique_ptr<DoneCallback> other;  // otherwise
    uint64_t token = 0;
  };
  std::vector<CallbackEntry> callbacks_;
};

}  // namespace loopscope
