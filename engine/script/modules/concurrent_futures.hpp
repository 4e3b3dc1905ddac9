#pragma once
// concurrent.futures for scripts: ThreadPoolExecutor and its Future, on the
// simulated threads of engine/world (docs/SIMULATED_WORLD.md).

#include <functional>
#include <memory>
#include <vector>

#include "engine/script/vm/interp.hpp"
#include "engine/world/thread_pool.hpp"

namespace loopscope::script {

// concurrent.futures.Future: completed by a simulated thread; done
// callbacks run at once, on the thread that completes it.
class ThreadFutureObj final : public Object {
 public:
  enum class State : uint8_t { Pending, Running, Cancelled, Finished };
  ThreadFutureObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "Future"; }
  std::string repr() const override;

  bool done() const { return state == State::Cancelled || state == State::Finished; }
  bool cancel();                        // False once running or done
  bool set_running_or_notify_cancel();  // False when cancelled
  void set_result(Value v);
  void set_exception(Ref<ExceptionObj> e);
  void add_done_callback(std::function<void(ThreadFutureObj*)> fn);

  State state = State::Pending;
  Value result;
  Ref<ExceptionObj> exception;

 private:
  void finish();
  std::vector<std::function<void(ThreadFutureObj*)>> callbacks_;
};

class ExecutorObj final : public Object {
 public:
  explicit ExecutorObj(std::shared_ptr<ThreadPool> p) : Object(ObjKind::Other), pool(std::move(p)) {}
  std::string type_name() const override { return "ThreadPoolExecutor"; }
  std::string repr() const override { return "<concurrent.futures.thread.ThreadPoolExecutor object at 0x?>"; }
  std::shared_ptr<ThreadPool> pool;
};

// executor.submit(fn, *args, **kwargs) on a pool.
Ref<ThreadFutureObj> submit_job(Interp& in, ThreadPool& pool, const Value& fn, CallArgs args);
// The methods of a thread future, for the "Future" method table (shared
// with asyncio.Future: asyncio.cpp dispatches on the object).
Value tf_result(Interp& in, const Value& self, CallArgs& a);
Value tf_exception(Interp& in, const Value& self, CallArgs& a);
Value tf_done(Interp& in, const Value& self, CallArgs& a);
Value tf_cancelled(Interp& in, const Value& self, CallArgs& a);
Value tf_cancel(Interp& in, const Value& self, CallArgs& a);
Value tf_running(Interp& in, const Value& self, CallArgs& a);
Value tf_add_done_callback(Interp& in, const Value& self, CallArgs& a);
Value tf_set_result(Interp& in, const Value& self, CallArgs& a);
Value tf_set_exception(Interp& in, const Value& self, CallArgs& a);
bool is_thread_future(const Value& v);

Ref<ModuleObj> make_concurrent_futures_module(Interp& in);
Ref<ModuleObj> make_concurrent_module(Interp& in);

}  // namespace loopscope::script

namespace loopscope {
class EventLoop;
class Future;
}  // namespace loopscope

namespace loopscope::script {

// asyncio.wrap_future(f): an asyncio future on `loop` that follows the
// thread future, as futures._chain_future does.
Ref<Future> wrap_thread_future(EventLoop& loop, Ref<ThreadFutureObj> source);
// loop.run_in_executor(executor, fn, *args); `executor` None: the loop's
// default executor (created on first use, threads asyncio_0, ...).
Ref<Future> run_in_executor(Interp& in, EventLoop& loop, const Value& executor, const Value& fn, CallArgs args);
// asyncio.to_thread and asyncio.wrap_future.
void add_thread_functions(ModuleObj& asyncio);

}  // namespace loopscope::script
