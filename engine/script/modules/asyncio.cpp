// The asyncio module for scripts: bindings to the one library in
// engine/lib (shared with C++), plus the methods of its objects.

#include <typeinfo>

#include "engine/lib/as_completed.hpp"
#include "engine/lib/barrier.hpp"
#include "engine/lib/condition.hpp"
#include "engine/lib/event.hpp"
#include "engine/lib/gather.hpp"
#include "engine/lib/lock.hpp"
#include "engine/lib/queue.hpp"
#include "engine/lib/runner.hpp"
#include "engine/lib/semaphore.hpp"
#include "engine/lib/shield.hpp"
#include "engine/lib/sleep.hpp"
#include "engine/lib/timeout.hpp"
#include "engine/lib/wait.hpp"
#include "engine/lib/taskgroup.hpp"
#include "engine/lib/wait_for.hpp"
#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"
#include "engine/loop/trace_text.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/modules/asyncio_loop.hpp"
#include "engine/script/modules/concurrent_futures.hpp"
#include "engine/script/modules/functools.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

using asyncio::Barrier;
using asyncio::Condition;
using asyncio::Event;
using asyncio::Lock;
using asyncio::Queue;
using asyncio::Semaphore;
using asyncio::TaskGroup;
using asyncio::Timeout;

namespace {

Ref<Coroutine> as_coroutine(const Value& v, const char* what) {
  if (!v.is(ObjKind::Coroutine)) type_error(std::string("a coroutine was expected, got ") + repr(v));
  (void)what;
  return Ref<Coroutine>(v.as<Coroutine>());
}

template <class T>
T* self_as(const Value& self) {
  return static_cast<T*>(self.obj());
}

Co return_value(Value v) { co_return v; }

// ---- module functions ----

Value a_run(Interp& in, const Value&, CallArgs& a) {
  check_args("run", a, 1, 1, true);
  if (!a.pos[0].is(ObjKind::Coroutine)) value_error("a coroutine was expected, got " + in.repr(a.pos[0]));
  if (in.world().running_loop) return asyncio_run(in.world(), Ref<Coroutine>(a.pos[0].as<Coroutine>()));  // raises
  // asyncio.Runner: set_event_loop(loop) on entry, set_event_loop(None) on close.
  struct Unset {
    Interp::ModuleState& st;
    ~Unset() {
      st.policy_loop = nullptr;
      st.policy_loop_set = true;
    }
  } unset{in.state()};
  bool debug = false;
  for (auto& [k, v] : a.kw) {
    if (k == "debug") debug = in.truthy(v);
    else type_error("run() got an unexpected keyword argument '" + k + "'");
  }
  return asyncio_run(in.world(), Ref<Coroutine>(a.pos[0].as<Coroutine>()),
                     [&in](EventLoop& loop) { return asyncgen_closers(in, loop); }, debug);
}

Value a_create_task(Interp& in, const Value&, CallArgs& a) {
  check_args("create_task", a, 1, 1, true);
  return create_task_on(in, running_loop(in), a);
}

Value a_ensure_future(Interp& in, const Value&, CallArgs& a) {
  check_args("ensure_future", a, 1, 1);
  const Value& x = a.pos[0];
  if (x.is(ObjKind::Future) || x.is(ObjKind::Task)) return x;
  return Value::object(ensure_future(event_loop(in), x));
}

Value a_sleep(Interp& in, const Value&, CallArgs& a) {
  check_args("sleep", a, 1, 2, true);
  Value result = a.pos.size() > 1 ? a.pos[1] : Value();
  if (const Value* r = kwarg(a, "result")) result = *r;
  double delay = seconds_of(a.pos[0]);
  if (EventLoop* loop = in.world().running_loop) return Value::object(sleep_coroutine(*loop, delay, result));
  return Value::object(sleep_coroutine(in.world(), delay, result));
}

// asyncio.tasks._GatheringFuture: the type of what gather() returns.
ClassObj* gathering_future_class() {
  static ClassObj* c = [] {
    auto* k = new ClassObj("_GatheringFuture", "asyncio.tasks", Ref<ClassObj>(builtin_class(BuiltinType::Future)));
    incref(k);
    return k;
  }();
  return c;
}

Value a_gather(Interp& in, const Value&, CallArgs& a) {
  bool return_exceptions = false;
  for (auto& [k, v] : a.kw) {
    if (k == "return_exceptions") return_exceptions = in.truthy(v);
    else type_error("gather() got an unexpected keyword argument '" + k + "'");
  }
  // The children's loop: a future argument's own, else the current one.
  EventLoop* loop = nullptr;
  for (const Value& v : a.pos) {
    if (v.is(ObjKind::Future) || v.is(ObjKind::Task)) loop = &v.as<Future>()->loop();
    if (loop) break;
  }
  Ref<Future> outer = gather(loop ? *loop : event_loop(in), a.pos, return_exceptions);
  outer->cache_type_object(gathering_future_class());  // a plain Future (no children) keeps none
  return Value::object(outer);
}

Value a_wait_for(Interp& in, const Value&, CallArgs& a) {
  check_args("wait_for", a, 1, 2, true);
  Value timeout = a.pos.size() > 1 ? a.pos[1] : Value();
  if (const Value* t = kwarg(a, "timeout")) timeout = *t;
  return Value::object(wait_for_coroutine(running_loop(in), a.pos[0], timeout));
}

Value a_wait(Interp& in, const Value&, CallArgs& a) {
  check_args("wait", a, 1, 1, true);
  Value timeout;
  ReturnWhen rw = ReturnWhen::AllCompleted;
  for (auto& [k, v] : a.kw) {
    if (k == "timeout") {
      timeout = v;
    } else if (k == "return_when") {
      const std::string& s = as_str(v, "return_when");
      if (s == "FIRST_COMPLETED") rw = ReturnWhen::FirstCompleted;
      else if (s == "FIRST_EXCEPTION") rw = ReturnWhen::FirstException;
      else if (s == "ALL_COMPLETED") rw = ReturnWhen::AllCompleted;
      else value_error("Invalid return_when value: " + s);
    } else {
      type_error("wait() got an unexpected keyword argument '" + k + "'");
    }
  }
  if (a.pos[0].is(ObjKind::Coroutine) || a.pos[0].is(ObjKind::Future) || a.pos[0].is(ObjKind::Task)) {
    type_error("expect a list of futures, not " + type_name(a.pos[0]));
  }
  std::vector<Value> fs = in.to_vector(a.pos[0]);
  if (fs.empty()) value_error("Set of Tasks/Futures is empty.");
  return Value::object(wait_coroutine(running_loop(in), std::move(fs), timeout, rw));
}

Value a_as_completed(Interp& in, const Value&, CallArgs& a) {
  check_args("as_completed", a, 1, 1, true);
  Value timeout;
  if (const Value* t = kwarg(a, "timeout")) timeout = *t;
  Ref<AsCompleted> ac = as_completed(running_loop(in), in.to_vector(a.pos[0]), timeout);
  return Value::object(make<IterObj>("generator", [ac](Interp&, Value& out) {
    Ref<Coroutine> c = ac->next();
    if (!c) return false;
    out = Value::object(c);
    return true;
  }));
}

Value a_shield(Interp& in, const Value&, CallArgs& a) {
  check_args("shield", a, 1, 1);
  return Value::object(shield(running_loop(in), a.pos[0]));
}

Value a_timeout(Interp& in, const Value&, CallArgs& a) {
  check_args("timeout", a, 1, 1);
  return Value::object(asyncio::timeout(running_loop(in), a.pos[0]));
}

Value a_timeout_at(Interp& in, const Value&, CallArgs& a) {
  check_args("timeout_at", a, 1, 1);
  return Value::object(asyncio::timeout_at(in.world(), a.pos[0]));
}

Value a_current_task(Interp& in, const Value&, CallArgs& a) {
  check_args("current_task", a, 0, 1);
  Task* t = running_loop(in).current_task();
  return Value::object(t);
}

Value a_all_tasks(Interp& in, const Value&, CallArgs& a) {
  check_args("all_tasks", a, 0, 1);
  Ref<SetObj> s = make<SetObj>();
  for (const Ref<Task>& t : running_loop(in).all_tasks()) s->table.set(Value::object(t), Value());
  return Value::object(s);
}

// futures.isfuture: asyncio's futures and tasks (not concurrent.futures').
Value a_isfuture(Interp&, const Value&, CallArgs& a) {
  check_args("isfuture", a, 1, 1);
  const Value& v = a.pos[0];
  return Value::boolean((v.is(ObjKind::Future) || v.is(ObjKind::Task)) && !is_thread_future(v));
}

Value a_iscoroutine(Interp&, const Value&, CallArgs& a) {
  check_args("iscoroutine", a, 1, 1);
  return Value::boolean(a.pos[0].is(ObjKind::Coroutine));
}

Value a_iscoroutinefunction(Interp&, const Value&, CallArgs& a) {
  check_args("iscoroutinefunction", a, 1, 1);
  Object* o = a.pos[0].obj();
  if (o && typeid(*o) == typeid(BoundMethodObj)) o = static_cast<BoundMethodObj*>(o)->func.obj();  // a method
  return Value::boolean(o && typeid(*o) == typeid(FunctionObj) && static_cast<FunctionObj*>(o)->code->is_async());
}

// Queue.__init__(self, maxsize=0): the three queue classes share it, and its messages.
Value a_queue(Interp& in, CallArgs& a, Queue::Order order) {
  if (a.pos.size() > 1) {
    type_error("Queue.__init__() takes from 1 to 2 positional arguments but " + std::to_string(a.pos.size() + 1) +
               " were given");
  }
  for (const auto& [k, v] : a.kw)
    if (k != "maxsize") type_error("Queue.__init__() got an unexpected keyword argument '" + k + "'");
  int64_t maxsize = a.pos.empty() ? 0 : to_int(a.pos[0], "maxsize");
  if (const Value* m = kwarg(a, "maxsize")) maxsize = to_int(*m, "maxsize");
  Ref<Queue> q = make<Queue>(in.world(), maxsize, order);
  Interp* interp = &in;  // the queue lives no longer than the run
  q->set_less([interp](const Value& x, const Value& y) { return interp->truthy(interp->compare(CmpOp::Lt, x, y)); });
  return Value::object(q);
}
Value a_Queue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Fifo); }
Value a_PriorityQueue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Priority); }
Value a_LifoQueue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Lifo); }

Value a_Event(Interp& in, const Value&, CallArgs& a) {
  check_args("Event", a, 0, 0);
  return Value::object(make<Event>(in.world()));
}
Value a_Lock(Interp& in, const Value&, CallArgs& a) {
  check_args("Lock", a, 0, 0);
  return Value::object(make<Lock>(in.world()));
}
Value a_Semaphore(Interp& in, const Value&, CallArgs& a) {
  check_args("Semaphore", a, 0, 1, true);
  int64_t v = a.pos.empty() ? 1 : to_int(a.pos[0], "value");
  if (const Value* k = kwarg(a, "value")) v = to_int(*k, "value");
  return Value::object(make<Semaphore>(in.world(), v, false));
}
Value a_BoundedSemaphore(Interp& in, const Value&, CallArgs& a) {
  check_args("BoundedSemaphore", a, 0, 1, true);
  int64_t v = a.pos.empty() ? 1 : to_int(a.pos[0], "value");
  if (const Value* k = kwarg(a, "value")) v = to_int(*k, "value");
  return Value::object(make<Semaphore>(in.world(), v, true));
}
Value a_Condition(Interp& in, const Value&, CallArgs& a) {
  check_args("Condition", a, 0, 1, true);
  Value lock = a.pos.empty() ? Value() : a.pos[0];
  if (const Value* k = kwarg(a, "lock")) lock = *k;
  Ref<Lock> l;
  if (!lock.is_none()) {
    if (!lock.obj() || typeid(*lock.obj()) != typeid(Lock)) type_error("Condition() lock must be an asyncio.Lock");
    l = Ref<Lock>(self_as<Lock>(lock));
  }
  return Value::object(make<Condition>(in.world(), l));
}

// ---- Future and Task ----

Value f_result(Interp&, const Value& self, CallArgs& a) {
  check_args("result", a, 0, 0);
  return self_as<Future>(self)->result();
}
Value f_exception(Interp&, const Value& self, CallArgs& a) {
  check_args("exception", a, 0, 0);
  return Value::object(self_as<Future>(self)->exception());
}
Value f_done(Interp&, const Value& self, CallArgs& a) {
  check_args("done", a, 0, 0);
  return Value::boolean(self_as<Future>(self)->done());
}
Value f_cancelled(Interp&, const Value& self, CallArgs& a) {
  check_args("cancelled", a, 0, 0);
  return Value::boolean(self_as<Future>(self)->cancelled());
}
Value f_cancel(Interp&, const Value& self, CallArgs& a) {
  check_args("cancel", a, 0, 1, true);
  Value msg = a.pos.empty() ? Value() : a.pos[0];
  if (const Value* m = kwarg(a, "msg")) msg = *m;
  return Value::boolean(self_as<Future>(self)->cancel(msg));
}
Value f_set_result(Interp&, const Value& self, CallArgs& a) {
  check_args("set_result", a, 1, 1);
  self_as<Future>(self)->set_result(a.pos[0]);
  return Value();
}
Value f_set_exception(Interp& in, const Value& self, CallArgs& a) {
  check_args("set_exception", a, 1, 1);
  Value e = a.pos[0];
  if (e.is(ObjKind::Class)) e = in.call(e, std::vector<Value>{});
  if (!e.is(ObjKind::Exception)) type_error("invalid exception object");
  self_as<Future>(self)->set_exception(Ref<ExceptionObj>(e.as<ExceptionObj>()));
  return Value();
}
Value f_add_done_callback(Interp& in, const Value& self, CallArgs& a) {
  check_args("add_done_callback", a, 1, 1, true);
  Value fn = a.pos[0];
  Interp* ip = &in;
  DoneCallback cb;
  cb.qualname = callable_name(fn);
  PartialParts p;
  if (partial_parts(fn, p)) {  // the trace shows f(a, F, k=v)
    cb.qualname = callable_name(p.func);
    for (size_t i = 0; i < p.args.size(); ++i) cb.bound_args += (i ? ", " : "") + trace_value(p.args[i]);
    for (const auto& [k, v] : p.keywords) cb.bound_keywords += (cb.bound_keywords.empty() ? "" : ", ") + k + "=" + trace_value(v);
  }
  cb.fn = [ip, fn](Future* f) { ip->call(fn, std::vector<Value>{Value::object(f)}); };
  cb.callable = fn.obj();
  cb.source = callback_source(fn, {});
  self_as<Future>(self)->add_done_callback(std::move(cb));
  return Value();
}
// Callbacks match by identity (functions compare equal only to themselves).
Value f_remove_done_callback(Interp&, const Value& self, CallArgs& a) {
  check_args("remove_done_callback", a, 1, 1);
  if (!a.pos[0].is_obj()) return Value::integer(0);
  return Value::integer(static_cast<int64_t>(self_as<Future>(self)->remove_done_callbacks_of(a.pos[0].obj())));
}
Value t_get_name(Interp&, const Value& self, CallArgs& a) {
  check_args("get_name", a, 0, 0);
  return str_value(self_as<Task>(self)->name());
}
Value t_set_name(Interp& in, const Value& self, CallArgs& a) {
  check_args("set_name", a, 1, 1);
  self_as<Task>(self)->set_name(in.str(a.pos[0]));
  return Value();
}
Value t_get_coro(Interp&, const Value& self, CallArgs& a) {
  check_args("get_coro", a, 0, 0);
  return Value::object(self_as<Task>(self)->coro());
}
// Task.print_stack(limit=None), as base_tasks._task_print_stack prints it
// (its heading to stdout, the frames to stderr): the coroutine's own frame (a suspended coroutine's frame has no
// f_back), or "No stack for ..." once the task is done.
Value t_print_stack(Interp& in, const Value& self, CallArgs& a) {
  check_args("print_stack", a, 0, 0, true);
  int64_t limit = -1;
  for (auto& [k, v] : a.kw) {
    if (k == "limit") limit = v.is_none() ? -1 : to_int(v, "limit");
    else if (k == "file") {
      if (!v.is_none()) raise(Exc::NotImplementedError, "Task.print_stack(file=...) is not supported");
    } else {
      type_error("print_stack() got an unexpected keyword argument '" + k + "'");
    }
  }
  Task* t = self_as<Task>(self);
  if (t->done() && !t->cancelled() && t->exception()) {
    raise(Exc::NotImplementedError, "Task.print_stack() of a failed task is not supported");
  }
  if (in.world().running_loop && in.world().running_loop->current_task() == t) {
    raise(Exc::NotImplementedError, "Task.print_stack() of the running task is not supported");
  }
  std::vector<SuspendFrame> site;
  if (!t->done()) t->coro()->suspend_site(site);
  std::string where = t->coro()->repr_site();  // "f() running at x.py:4"
  size_t at = where.rfind(" at ");
  size_t colon = where.rfind(':');
  if (site.empty() || limit == 0 || at == std::string::npos || colon == std::string::npos || colon < at) {
    in.write_stdout("No stack for " + t->repr() + "\n");  // print(file=None): stdout
    return Value();
  }
  int line = std::stoi(where.substr(colon + 1));
  std::string text = in.source_line_text(line);
  size_t b = text.find_first_not_of(" \t"), e = text.find_last_not_of(" \t\r");
  in.write_stdout("Stack for " + t->repr() + " (most recent call last):\n");
  std::string out = "  File \"" + where.substr(at + 4, colon - at - 4) + "\", line " + std::to_string(line) + ", in " +
         std::string(site.front().function) + "\n";
  if (b != std::string::npos) out += "    " + text.substr(b, e - b + 1) + "\n";
  in.write_stderr(out);
  return Value();
}
Value t_cancelling(Interp&, const Value& self, CallArgs& a) {
  check_args("cancelling", a, 0, 0);
  return Value::integer(self_as<Task>(self)->cancelling());
}
Value t_uncancel(Interp&, const Value& self, CallArgs& a) {
  check_args("uncancel", a, 0, 0);
  return Value::integer(self_as<Task>(self)->uncancel());
}

// ---- Queue ----

Value q_put(Interp&, const Value& self, CallArgs& a) {
  check_args("put", a, 1, 1);
  return Value::object(self_as<Queue>(self)->put(a.pos[0]));
}
Value q_get(Interp&, const Value& self, CallArgs& a) {
  check_args("get", a, 0, 0);
  return Value::object(self_as<Queue>(self)->get());
}
Value q_join(Interp&, const Value& self, CallArgs& a) {
  check_args("join", a, 0, 0);
  return Value::object(self_as<Queue>(self)->join());
}
Value q_put_nowait(Interp&, const Value& self, CallArgs& a) {
  check_args("put_nowait", a, 1, 1);
  self_as<Queue>(self)->put_nowait(a.pos[0]);
  return Value();
}
Value q_get_nowait(Interp&, const Value& self, CallArgs& a) {
  check_args("get_nowait", a, 0, 0);
  return self_as<Queue>(self)->get_nowait();
}
Value q_task_done(Interp&, const Value& self, CallArgs& a) {
  check_args("task_done", a, 0, 0);
  self_as<Queue>(self)->task_done();
  return Value();
}
Value q_qsize(Interp&, const Value& self, CallArgs& a) {
  check_args("qsize", a, 0, 0);
  return Value::integer(static_cast<int64_t>(self_as<Queue>(self)->qsize()));
}
Value q_empty(Interp&, const Value& self, CallArgs& a) {
  check_args("empty", a, 0, 0);
  return Value::boolean(self_as<Queue>(self)->empty());
}
Value q_full(Interp&, const Value& self, CallArgs& a) {
  check_args("full", a, 0, 0);
  return Value::boolean(self_as<Queue>(self)->full());
}

// ---- Event ----

Value e_set(Interp&, const Value& self, CallArgs& a) {
  check_args("set", a, 0, 0);
  self_as<Event>(self)->set();
  return Value();
}
Value e_clear(Interp&, const Value& self, CallArgs& a) {
  check_args("clear", a, 0, 0);
  self_as<Event>(self)->clear();
  return Value();
}
Value e_is_set(Interp&, const Value& self, CallArgs& a) {
  check_args("is_set", a, 0, 0);
  return Value::boolean(self_as<Event>(self)->is_set());
}
Value e_wait(Interp&, const Value& self, CallArgs& a) {
  check_args("wait", a, 0, 0);
  return Value::object(self_as<Event>(self)->wait());
}

// ---- Lock, Semaphore, Condition ----

Co lock_aenter(Ref<Lock> l) {
  co_await Lock::acquire_co(l);
  co_return Value();
}
Co lock_aexit(Ref<Lock> l) {
  l->release();
  co_return Value();
}
Co sem_aenter(Ref<Semaphore> s) {
  co_await Semaphore::acquire_co(s);
  co_return Value();
}
Co sem_aexit(Ref<Semaphore> s) {
  s->release();
  co_return Value();
}

Value l_acquire(Interp&, const Value& self, CallArgs& a) {
  check_args("acquire", a, 0, 0);
  return Value::object(self_as<Lock>(self)->acquire());
}
Value l_release(Interp&, const Value& self, CallArgs& a) {
  check_args("release", a, 0, 0);
  self_as<Lock>(self)->release();
  return Value();
}
Value l_locked(Interp&, const Value& self, CallArgs& a) {
  check_args("locked", a, 0, 0);
  return Value::boolean(self_as<Lock>(self)->locked());
}
Value l_aenter(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(lock_aenter(Ref<Lock>(self_as<Lock>(self))), "_ContextManagerMixin.__aenter__", &in.world()));
}
Value l_aexit(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(lock_aexit(Ref<Lock>(self_as<Lock>(self))), "_ContextManagerMixin.__aexit__", &in.world()));
}
Value s_acquire(Interp&, const Value& self, CallArgs& a) {
  check_args("acquire", a, 0, 0);
  return Value::object(self_as<Semaphore>(self)->acquire());
}
Value s_release(Interp&, const Value& self, CallArgs& a) {
  check_args("release", a, 0, 0);
  self_as<Semaphore>(self)->release();
  return Value();
}
Value s_locked(Interp&, const Value& self, CallArgs& a) {
  check_args("locked", a, 0, 0);
  return Value::boolean(self_as<Semaphore>(self)->locked());
}
Value s_aenter(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(sem_aenter(Ref<Semaphore>(self_as<Semaphore>(self))), "_ContextManagerMixin.__aenter__", &in.world()));
}
Value s_aexit(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(sem_aexit(Ref<Semaphore>(self_as<Semaphore>(self))), "_ContextManagerMixin.__aexit__", &in.world()));
}
Value c_acquire(Interp&, const Value& self, CallArgs& a) {
  check_args("acquire", a, 0, 0);
  return Value::object(self_as<Condition>(self)->acquire());
}
Value c_release(Interp&, const Value& self, CallArgs& a) {
  check_args("release", a, 0, 0);
  self_as<Condition>(self)->release();
  return Value();
}
Value c_locked(Interp&, const Value& self, CallArgs& a) {
  check_args("locked", a, 0, 0);
  return Value::boolean(self_as<Condition>(self)->locked());
}
Value c_wait(Interp&, const Value& self, CallArgs& a) {
  check_args("wait", a, 0, 0);
  return Value::object(self_as<Condition>(self)->wait());
}
Value c_wait_for(Interp& in, const Value& self, CallArgs& a) {
  check_args("wait_for", a, 1, 1);
  Interp* ip = &in;
  Value pred = a.pos[0];
  return Value::object(self_as<Condition>(self)->wait_for([ip, pred]() { return ip->call(pred, std::vector<Value>{}); }));
}
Value c_notify(Interp&, const Value& self, CallArgs& a) {
  check_args("notify", a, 0, 1);
  self_as<Condition>(self)->notify(a.pos.empty() ? 1 : to_int(a.pos[0], "n"));
  return Value();
}
Value c_notify_all(Interp&, const Value& self, CallArgs& a) {
  check_args("notify_all", a, 0, 0);
  self_as<Condition>(self)->notify_all();
  return Value();
}
Value c_aenter(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(lock_aenter(self_as<Condition>(self)->lock()), "_ContextManagerMixin.__aenter__", &in.world()));
}
Value c_aexit(Interp& in, const Value& self, CallArgs&) {
  return Value::object(coroutine(lock_aexit(self_as<Condition>(self)->lock()), "_ContextManagerMixin.__aexit__", &in.world()));
}

// ---- Barrier ----

Value a_Barrier(Interp& in, const Value&, CallArgs& a) {
  check_args("Barrier", a, 1, 1, true);
  Value parties = a.pos.empty() ? Value() : a.pos[0];
  if (const Value* p = kwarg(a, "parties")) parties = *p;
  if (parties.is_none()) type_error("Barrier.__init__() missing 1 required positional argument: 'parties'");
  return Value::object(make<Barrier>(in.world(), to_int(parties, "parties")));
}
Value b_wait(Interp&, const Value& self, CallArgs& a) {
  check_args("wait", a, 0, 0);
  return Value::object(self_as<Barrier>(self)->wait());
}
Value b_reset(Interp&, const Value& self, CallArgs& a) {
  check_args("reset", a, 0, 0);
  return Value::object(self_as<Barrier>(self)->reset());
}
Value b_abort(Interp&, const Value& self, CallArgs& a) {
  check_args("abort", a, 0, 0);
  return Value::object(self_as<Barrier>(self)->abort());
}
Value b_aenter(Interp&, const Value& self, CallArgs&) { return Value::object(self_as<Barrier>(self)->aenter()); }
Value b_aexit(Interp&, const Value& self, CallArgs&) { return Value::object(self_as<Barrier>(self)->aexit()); }
Value b_parties(Interp&, const Value& self) { return Value::integer(self_as<Barrier>(self)->parties()); }
Value b_n_waiting(Interp&, const Value& self) { return Value::integer(self_as<Barrier>(self)->n_waiting()); }
Value b_broken(Interp&, const Value& self) { return Value::boolean(self_as<Barrier>(self)->broken()); }

// ---- TaskGroup ----

Value a_TaskGroup(Interp& in, const Value&, CallArgs& a) {
  check_args("TaskGroup", a, 0, 0);
  return Value::object(make<TaskGroup>(in.world()));
}
Value tg_create_task(Interp&, const Value& self, CallArgs& a) {
  check_args("create_task", a, 1, 1, true);
  Value name;
  if (const Value* n = kwarg(a, "name")) name = *n;
  return Value::object(self_as<TaskGroup>(self)->create_task(as_coroutine(a.pos[0], "create_task"), name));
}
Value tg_aenter(Interp&, const Value& self, CallArgs&) { return Value::object(self_as<TaskGroup>(self)->aenter()); }
Value tg_aexit(Interp&, const Value& self, CallArgs& a) {
  Ref<ExceptionObj> exc;
  if (a.pos.size() > 1 && a.pos[1].is(ObjKind::Exception)) exc = Ref<ExceptionObj>(a.pos[1].as<ExceptionObj>());
  return Value::object(self_as<TaskGroup>(self)->aexit(exc));
}

// ---- Timeout ----

Value tm_aenter(Interp&, const Value& self, CallArgs&) { return Value::object(self_as<Timeout>(self)->aenter()); }
Value tm_aexit(Interp&, const Value& self, CallArgs& a) {
  Ref<ExceptionObj> exc;
  if (a.pos.size() > 1 && a.pos[1].is(ObjKind::Exception)) exc = Ref<ExceptionObj>(a.pos[1].as<ExceptionObj>());
  return Value::object(self_as<Timeout>(self)->aexit(exc));
}
Value tm_reschedule(Interp&, const Value& self, CallArgs& a) {
  check_args("reschedule", a, 1, 1);
  self_as<Timeout>(self)->reschedule(a.pos[0]);
  return Value();
}
Value tm_expired(Interp&, const Value& self, CallArgs& a) {
  check_args("expired", a, 0, 0);
  return Value::boolean(self_as<Timeout>(self)->expired());
}
Value tm_when(Interp&, const Value& self, CallArgs& a) {
  check_args("when", a, 0, 0);
  return self_as<Timeout>(self)->when();
}

Value q_maxsize(Interp&, const Value& self) { return Value::integer(self_as<Queue>(self)->maxsize()); }

// A method of "Future": asyncio's, or concurrent.futures' for a thread future.
template <NativeFn AsyncioFn, NativeFn ThreadFn>
Value either(Interp& in, const Value& self, CallArgs& a) {
  return is_thread_future(self) ? ThreadFn(in, self, a) : AsyncioFn(in, self, a);
}
Value no_running(Interp&, const Value& self, CallArgs&) {
  raise(Exc::AttributeError, "'" + self.obj()->type_name() + "' object has no attribute 'running'");
}

void install_methods() {
  static const bool done = [] {
    std::initializer_list<std::pair<const char*, NativeFn>> future = {
        {"result", f_result}, {"exception", f_exception}, {"done", f_done}, {"cancelled", f_cancelled},
        {"cancel", f_cancel}, {"add_done_callback", f_add_done_callback}, {"set_result", f_set_result},
        {"set_exception", f_set_exception}, {"remove_done_callback", f_remove_done_callback},
    };
    // asyncio's futures (gather's too) and concurrent.futures.Future (an
    // engine type of the same name): one table, each method dispatching.
    ClassObj* future_types[] = {builtin_class(BuiltinType::Future), gathering_future_class(), engine_type("Future")};
    for (ClassObj* type : future_types) register_methods(type, future);
    for (ClassObj* type : future_types) register_methods(type, {{"result", either<f_result, tf_result>}, {"exception", either<f_exception, tf_exception>},
                                {"done", either<f_done, tf_done>}, {"cancelled", either<f_cancelled, tf_cancelled>},
                                {"cancel", either<f_cancel, tf_cancel>},
                                {"add_done_callback", either<f_add_done_callback, tf_add_done_callback>},
                                {"set_result", either<f_set_result, tf_set_result>},
                                {"set_exception", either<f_set_exception, tf_set_exception>},
                                {"running", either<no_running, tf_running>}});
    register_methods(builtin_class(BuiltinType::Task), future);
    register_methods(builtin_class(BuiltinType::Task), {{"get_name", t_get_name}, {"set_name", t_set_name}, {"get_coro", t_get_coro},
                              {"cancelling", t_cancelling}, {"uncancel", t_uncancel},
                              {"print_stack", t_print_stack}});
    register_methods(engine_type("Queue"), {{"put", q_put}, {"get", q_get}, {"join", q_join}, {"put_nowait", q_put_nowait},
                               {"get_nowait", q_get_nowait}, {"task_done", q_task_done}, {"qsize", q_qsize},
                               {"empty", q_empty}, {"full", q_full}});
    for (const char* q : {"PriorityQueue", "LifoQueue"}) {
      register_methods(engine_type(q), {{"put", q_put}, {"get", q_get}, {"join", q_join}, {"put_nowait", q_put_nowait},
                           {"get_nowait", q_get_nowait}, {"task_done", q_task_done}, {"qsize", q_qsize},
                           {"empty", q_empty}, {"full", q_full}});
    }
    register_methods(engine_type("Event"), {{"set", e_set}, {"clear", e_clear}, {"is_set", e_is_set}, {"wait", e_wait}});
    register_methods(engine_type("Lock"), {{"acquire", l_acquire}, {"release", l_release}, {"locked", l_locked},
                              {"__aenter__", l_aenter}, {"__aexit__", l_aexit}});
    for (const char* s : {"Semaphore", "BoundedSemaphore"}) {
      register_methods(engine_type(s), {{"acquire", s_acquire}, {"release", s_release}, {"locked", s_locked},
                           {"__aenter__", s_aenter}, {"__aexit__", s_aexit}});
    }
    register_methods(engine_type("Condition"), {{"acquire", c_acquire}, {"release", c_release}, {"locked", c_locked},
                                   {"wait", c_wait}, {"wait_for", c_wait_for}, {"notify", c_notify},
                                   {"notify_all", c_notify_all}, {"__aenter__", c_aenter}, {"__aexit__", c_aexit}});
    register_methods(engine_type("Timeout"), {{"__aenter__", tm_aenter}, {"__aexit__", tm_aexit}, {"reschedule", tm_reschedule},
                                 {"expired", tm_expired}, {"when", tm_when}});
    register_methods(engine_type("TaskGroup"), {{"create_task", tg_create_task}, {"__aenter__", tg_aenter}, {"__aexit__", tg_aexit}});
    install_loop_methods();
    register_methods(engine_type("Barrier"), {{"wait", b_wait}, {"reset", b_reset}, {"abort", b_abort},
                                 {"__aenter__", b_aenter}, {"__aexit__", b_aexit}});
    register_properties(engine_type("Barrier"), {{"parties", b_parties}, {"n_waiting", b_n_waiting}, {"broken", b_broken}});
    for (const char* q : {"Queue", "PriorityQueue", "LifoQueue"}) register_properties(engine_type(q), {{"maxsize", q_maxsize}});
    install_queue_storage_methods();
    return true;
  }();
  (void)done;
}

}  // namespace

Ref<ModuleObj> make_asyncio_module(Interp& in) {
  install_methods();
  Ref<ModuleObj> m = make<ModuleObj>("asyncio");
  add_function(*m, "run", a_run);
  add_function(*m, "create_task", a_create_task);
  add_function(*m, "ensure_future", a_ensure_future);
  add_function(*m, "sleep", a_sleep);
  add_function(*m, "gather", a_gather);
  add_function(*m, "wait_for", a_wait_for);
  add_function(*m, "wait", a_wait);
  add_function(*m, "as_completed", a_as_completed);
  add_function(*m, "shield", a_shield);
  add_function(*m, "timeout", a_timeout);
  add_function(*m, "timeout_at", a_timeout_at);
  add_function(*m, "current_task", a_current_task);
  add_function(*m, "all_tasks", a_all_tasks);
  add_function(*m, "iscoroutine", a_iscoroutine);
  add_function(*m, "isfuture", a_isfuture);
  add_function(*m, "iscoroutinefunction", a_iscoroutinefunction);
  add_loop_functions(*m);
  add_runner(*m);
  m->globals["Queue"] = Value::object(engine_class("Queue", "asyncio.queues", a_Queue));  // a class: isinstance works
  m->globals["PriorityQueue"] = Value::object(engine_class("PriorityQueue", "asyncio.queues", a_PriorityQueue));  // a class: isinstance works
  m->globals["LifoQueue"] = Value::object(engine_class("LifoQueue", "asyncio.queues", a_LifoQueue));  // a class: isinstance works
  m->globals["Event"] = Value::object(engine_class("Event", "asyncio.locks", a_Event));  // a class: isinstance works
  m->globals["Lock"] = Value::object(engine_class("Lock", "asyncio.locks", a_Lock));  // a class: isinstance works
  m->globals["Semaphore"] = Value::object(engine_class("Semaphore", "asyncio.locks", a_Semaphore));  // a class: isinstance works
  m->globals["BoundedSemaphore"] = Value::object(engine_class("BoundedSemaphore", "asyncio.locks", a_BoundedSemaphore));  // a class: isinstance works
  m->globals["Condition"] = Value::object(engine_class("Condition", "asyncio.locks", a_Condition));  // a class: isinstance works
  m->globals["TaskGroup"] = Value::object(engine_class("TaskGroup", "asyncio.taskgroups", a_TaskGroup));  // a class: isinstance works
  m->globals["Barrier"] = Value::object(engine_class("Barrier", "asyncio.locks", a_Barrier));  // a class: isinstance works
  // CPython's hierarchy among them.
  engine_class("PriorityQueue", "asyncio.queues", nullptr)->base = engine_class("Queue", "asyncio.queues", nullptr);
  engine_class("LifoQueue", "asyncio.queues", nullptr)->base = engine_class("Queue", "asyncio.queues", nullptr);
  engine_class("BoundedSemaphore", "asyncio.locks", nullptr)->base = engine_class("Semaphore", "asyncio.locks", nullptr);
  add_thread_functions(*m);
  m->globals["Future"] = Value::object(builtin_class(BuiltinType::Future));
  m->globals["Task"] = Value::object(builtin_class(BuiltinType::Task));
  m->globals["CancelledError"] = Value::object(exc_class(Exc::CancelledError));
  m->globals["TimeoutError"] = Value::object(exc_class(Exc::TimeoutError));
  m->globals["InvalidStateError"] = Value::object(exc_class(Exc::InvalidStateError));
  m->globals["QueueEmpty"] = Value::object(exc_class(Exc::QueueEmpty));
  m->globals["QueueFull"] = Value::object(exc_class(Exc::QueueFull));
  m->globals["BrokenBarrierError"] = Value::object(exc_class(Exc::BrokenBarrierError));
  m->globals["FIRST_COMPLETED"] = str_value("FIRST_COMPLETED");
  m->globals["FIRST_EXCEPTION"] = str_value("FIRST_EXCEPTION");
  m->globals["ALL_COMPLETED"] = str_value("ALL_COMPLETED");
  (void)return_value;
  add_streams(in, *m);
  add_subprocess(*m);
  add_asyncio_names(in, m);
  return m;
}

}  // namespace loopscope::script
