// asyncio's doors to threads: run_in_executor, to_thread, wrap_future, on
// the simulated threads of engine/world (docs/SIMULATED_WORLD.md).

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"
#include "engine/script/modules/concurrent_futures.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

// futures._copy_future_state(source, dest).
void copy_state(ThreadFutureObj* source, Future* dest) {
  if (dest->cancelled()) return;
  if (source->state == ThreadFutureObj::State::Cancelled) {
    dest->cancel();
  } else if (source->exception) {
    dest->set_exception(source->exception);
  } else {
    dest->set_result(source->result);
  }
}

}  // namespace

Ref<Future> wrap_thread_future(EventLoop& loop, Ref<ThreadFutureObj> source) {
  Ref<Future> dest = loop.create_future("wrap_future", "wrap_future %F");
  DoneCallback check_cancel;
  check_cancel.qualname = "_chain_future._call_check_cancel";
  check_cancel.fn = [source](Future* d) {
    if (d->cancelled()) source->cancel();
  };
  dest->add_done_callback(std::move(check_cancel));
  EventLoop* lp = &loop;
  source->add_done_callback([lp, dest](ThreadFutureObj* s) {
    if (lp->is_closed()) return;
    Ref<ThreadFutureObj> src(s);
    call_soon_threadsafe(*lp, [src, dest] { copy_state(src.get(), dest.get()); },
                         "_chain_future._set_state(" + dest->label() + ", <Future>)");
  });
  return dest;
}

Ref<Future> run_in_executor(Interp& in, EventLoop& loop, const Value& executor, const Value& fn, CallArgs args) {
  if (loop.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  std::shared_ptr<ThreadPool> pool;
  if (executor.is_none()) {
    std::shared_ptr<ThreadPool>& def = loop.world().threads.default_executor(&loop);
    if (def && def->is_shutdown()) raise(Exc::RuntimeError, "Executor shutdown has been called");
    if (!def) def = std::make_shared<ThreadPool>(loop.world(), 8, "asyncio");
    pool = def;
  } else {
    Object* o = executor.obj();
    if (!o || typeid(*o) != typeid(ExecutorObj)) {
      type_error("run_in_executor() of this simulation takes None or a ThreadPoolExecutor, not '" +
                 type_name(executor) + "'");
    }
    pool = static_cast<ExecutorObj*>(o)->pool;
  }
  return wrap_thread_future(loop, submit_job(in, *pool, fn, std::move(args)));
}

namespace {

Co to_thread_co(Interp* in, Value fn, CallArgs args) {
  EventLoop* loop = in->world().running_loop;
  if (!loop) raise(Exc::RuntimeError, "no running event loop");
  Ref<Future> f = run_in_executor(*in, *loop, Value(), fn, std::move(args));
  co_return co_await f;
}

Value a_to_thread(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("to_thread() missing 1 required positional argument: 'func'");
  CallArgs rest{std::vector<Value>(a.pos.begin() + 1, a.pos.end()), a.kw};
  return Value::object(coroutine(to_thread_co(&in, a.pos[0], std::move(rest)), "to_thread", &in.world()));
}

Value a_wrap_future(Interp& in, const Value&, CallArgs& a) {
  check_args("wrap_future", a, 1, 1, true);
  const Value& f = a.pos[0];
  if (f.is(ObjKind::Future) || f.is(ObjKind::Task)) return f;
  if (!is_thread_future(f)) raise(Exc::AssertionError, "concurrent.futures.Future is expected, got " + in.repr(f));
  EventLoop* loop = in.world().running_loop;
  if (!loop) raise(Exc::RuntimeError, "no running event loop");
  return Value::object(wrap_thread_future(*loop, Ref<ThreadFutureObj>(static_cast<ThreadFutureObj*>(f.obj()))));
}

}  // namespace

void add_thread_functions(ModuleObj& m) {
  add_function(m, "to_thread", a_to_thread);
  add_function(m, "wrap_future", a_wrap_future);
}

}  // namespace loopscope::script
