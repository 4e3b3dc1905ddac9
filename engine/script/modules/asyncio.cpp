// The asyncio module for scripts: bindings to the one library in
// engine/lib (shared with C++), plus the methods of its objects.

#include <typeinfo>

#include "engine/lib/as_completed.hpp"
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
#include "engine/script/modules/concurrent_futures.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

using asyncio::Condition;
using asyncio::Event;
using asyncio::Lock;
using asyncio::Queue;
using asyncio::Semaphore;
using asyncio::TaskGroup;
using asyncio::Timeout;

namespace {

EventLoop& running_loop(Interp& in) {
  EventLoop* loop = in.world().running_loop;
  if (!loop) raise(Exc::RuntimeError, "no running event loop");
  return *loop;
}

Ref<Coroutine> as_coroutine(const Value& v, const char* what) {
  if (!v.is(ObjKind::Coroutine)) type_error(std::string("a coroutine was expected, got ") + repr(v));
  (void)what;
  return Ref<Coroutine>(v.as<Coroutine>());
}

template <class T>
T* self_as(const Value& self) {
  return static_cast<T*>(self.obj());
}

// The qualified name a callback shows in the trace: __qualname__ without
// ".<locals>"; a built-in method as Type.method; a class by its name.
std::string callable_name(const Value& fn) {
  Object* o = fn.obj();
  if (o && typeid(*o) == typeid(FunctionObj)) {
    std::string q = static_cast<FunctionObj*>(o)->code->qualname;
    for (size_t p; (p = q.find(".<locals>")) != std::string::npos;) q.erase(p, 9);
    return q;
  }
  if (o && typeid(*o) == typeid(NativeObj)) {
    auto* n = static_cast<NativeObj*>(o);
    if (n->self.is_none()) return n->name;
    if (n->self.is(ObjKind::Future) || n->self.is(ObjKind::Task)) return n->self.as<Future>()->label() + "." + n->name;
    std::string type = type_name(n->self);
    if (type == "_UnixSelectorEventLoop") type = "BaseEventLoop";
    if (typeid(*n->self.obj()) == typeid(ModuleObj)) type = n->self.as<ModuleObj>()->name;
    return type + "." + n->name;
  }
  if (o && typeid(*o) == typeid(BoundMethodObj)) return callable_name(static_cast<BoundMethodObj*>(o)->func);
  if (fn.is(ObjKind::Class)) return fn.as<ClassObj>()->name;
  return type_name(fn);
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
  return asyncio_run(in.world(), Ref<Coroutine>(a.pos[0].as<Coroutine>()),
                     [&in](EventLoop& loop) { return asyncgen_closers(in, loop); });
}

Value create_task_on(Interp& in, EventLoop& loop, CallArgs& a) {
  check_args("create_task", a, 1, 1, true);
  Ref<Coroutine> c = as_coroutine(a.pos[0], "create_task");
  Value name;
  if (const Value* n = kwarg(a, "name")) name = *n;
  Ref<Task> t = loop.create_task(c);
  // 3.11 creates the task under its Task-N name, then renames it.
  if (!name.is_none()) t->set_name(in.str(name));
  return Value::object(t);
}

Value a_create_task(Interp& in, const Value&, CallArgs& a) {
  check_args("create_task", a, 1, 1, true);
  return create_task_on(in, running_loop(in), a);
}

Value a_ensure_future(Interp& in, const Value&, CallArgs& a) {
  check_args("ensure_future", a, 1, 1);
  return Value::object(ensure_future(running_loop(in), a.pos[0]));
}

Value a_sleep(Interp& in, const Value&, CallArgs& a) {
  check_args("sleep", a, 1, 2, true);
  Value result = a.pos.size() > 1 ? a.pos[1] : Value();
  if (const Value* r = kwarg(a, "result")) result = *r;
  return Value::object(sleep_coroutine(running_loop(in), seconds_of(a.pos[0]), result));
}

Value a_gather(Interp& in, const Value&, CallArgs& a) {
  bool return_exceptions = false;
  for (auto& [k, v] : a.kw) {
    if (k == "return_exceptions") return_exceptions = in.truthy(v);
    else type_error("gather() got an unexpected keyword argument '" + k + "'");
  }
  return Value::object(gather(running_loop(in), a.pos, return_exceptions));
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

Value a_iscoroutine(Interp&, const Value&, CallArgs& a) {
  check_args("iscoroutine", a, 1, 1);
  return Value::boolean(a.pos[0].is(ObjKind::Coroutine));
}

Value a_iscoroutinefunction(Interp&, const Value&, CallArgs& a) {
  check_args("iscoroutinefunction", a, 1, 1);
  Object* o = a.pos[0].obj();
  return Value::boolean(o && typeid(*o) == typeid(FunctionObj) && static_cast<FunctionObj*>(o)->code->is_async());
}

Value a_queue(Interp& in, CallArgs& a, Queue::Order order, const char* name) {
  check_args(name, a, 0, 1, true);
  int64_t maxsize = a.pos.empty() ? 0 : to_int(a.pos[0], "maxsize");
  if (const Value* m = kwarg(a, "maxsize")) maxsize = to_int(*m, "maxsize");
  return Value::object(make<Queue>(in.world(), maxsize, order));
}
Value a_Queue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Fifo, "Queue"); }
Value a_PriorityQueue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Priority, "PriorityQueue"); }
Value a_LifoQueue(Interp& in, const Value&, CallArgs& a) { return a_queue(in, a, Queue::Order::Lifo, "LifoQueue"); }

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
  cb.fn = [ip, fn](Future* f) { ip->call(fn, std::vector<Value>{Value::object(f)}); };
  cb.callable = fn.obj();
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

// ---- the running loop ----

class LoopObj final : public Object {
 public:
  explicit LoopObj(EventLoop& l) : Object(ObjKind::Other), loop(&l) {}
  std::string type_name() const override { return "_UnixSelectorEventLoop"; }
  std::string repr() const override {
    return std::string("<_UnixSelectorEventLoop running=") + (loop->is_running() ? "True" : "False") +
           " closed=" + (loop->is_closed() ? "True" : "False") + " debug=False>";
  }
  EventLoop* loop;
};

// One script object per engine loop, so `is` compares loops.
Value loop_value(Interp& in, EventLoop& l) {
  auto& objs = in.state().loop_objects;
  auto it = objs.find(&l);
  if (it != objs.end()) return it->second;
  Value v = Value::object(make<LoopObj>(l));
  objs.emplace(&l, v);
  return v;
}

EventLoop& loop_ref(const Value& self) { return *self_as<LoopObj>(self)->loop; }

// BaseEventLoop._check_closed.
EventLoop& loop_of(Interp&, const Value& self) {
  EventLoop& l = loop_ref(self);
  if (l.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  return l;
}

Value a_get_running_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("get_running_loop", a, 0, 0);
  return loop_value(in, running_loop(in));
}

// The policy's loop: asyncio.new_event_loop / set_event_loop / get_event_loop.
Value a_new_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("new_event_loop", a, 0, 0);
  return loop_value(in, in.world().new_loop());
}

Value a_set_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("set_event_loop", a, 1, 1);
  auto& st = in.state();
  st.policy_loop_set = true;
  if (a.pos[0].is_none()) {
    st.policy_loop = nullptr;
    return Value();
  }
  Object* o = a.pos[0].obj();
  if (!o || typeid(*o) != typeid(LoopObj)) {
    type_error("loop must be an instance of AbstractEventLoop or None, not '" + type_name(a.pos[0]) + "'");
  }
  st.policy_loop = static_cast<LoopObj*>(o)->loop;
  return Value();
}

// 3.11: the running loop; else the policy's loop, created on first use in
// the main thread unless set_event_loop (or asyncio.run) was called.
Value a_get_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("get_event_loop", a, 0, 0);
  if (EventLoop* l = in.world().running_loop) return loop_value(in, *l);
  auto& st = in.state();
  if (!st.policy_loop) {
    if (st.policy_loop_set) raise(Exc::RuntimeError, "There is no current event loop in thread 'MainThread'.");
    st.policy_loop = &in.world().new_loop();
    st.policy_loop_set = true;
  }
  return loop_value(in, *st.policy_loop);
}

Value lp_run_until_complete(Interp& in, const Value& self, CallArgs& a) {
  check_args("run_until_complete", a, 1, 1);
  EventLoop& l = loop_ref(self);
  const Value& x = a.pos[0];
  if (x.is(ObjKind::Coroutine)) {
    // A closed loop raises inside run_until_complete, after its trace line.
    return l.run_until_complete(Ref<Coroutine>(x.as<Coroutine>()));
  }
  if (x.is(ObjKind::Future) || x.is(ObjKind::Task)) {
    Ref<Future> f(x.as<Future>());
    if (&f->loop() != &l) value_error("The future belongs to a different loop than the one specified as the loop argument");
    return l.run_until_complete(f);
  }
  (void)in;
  type_error("An asyncio.Future, a coroutine or an awaitable is required");
}

Value lp_run_forever(Interp&, const Value& self, CallArgs& a) {
  check_args("run_forever", a, 0, 0);
  EventLoop& l = loop_ref(self);
  if (l.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  l.run_forever();
  return Value();
}

Value lp_stop(Interp&, const Value& self, CallArgs& a) {
  check_args("stop", a, 0, 0);
  loop_ref(self).stop();
  return Value();
}

Value lp_close(Interp&, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  loop_ref(self).close();
  return Value();
}

Value lp_is_closed(Interp&, const Value& self, CallArgs& a) {
  check_args("is_closed", a, 0, 0);
  return Value::boolean(loop_ref(self).is_closed());
}

Value lp_is_running(Interp&, const Value& self, CallArgs& a) {
  check_args("is_running", a, 0, 0);
  return Value::boolean(loop_ref(self).is_running());
}

std::string callback_text(const Value& fn, const std::vector<Value>& args) {
  std::string text = callable_name(fn) + "(";
  for (size_t i = 0; i < args.size(); ++i) text += (i ? ", " : "") + trace_value(args[i]);
  return text + ")";
}

std::function<void()> callback(Interp& in, const Value& fn, std::vector<Value> args, std::string& text) {
  text = callback_text(fn, args);
  Interp* ip = &in;
  return [ip, fn, args]() { ip->call(fn, args); };
}

// The handle's text is written again when it runs: its arguments may have
// changed since it was scheduled (CPython formats them then).
Value scheduled(Ref<Handle> h, const Value& fn, std::vector<Value> args) {
  h->set_describe([fn, args = std::move(args)] { return callback_text(fn, args); });
  return Value::object(h);
}

Value lp_time(Interp&, const Value& self, CallArgs& a) {
  check_args("time", a, 0, 0);
  return Value::real(loop_ref(self).time());
}
Value lp_call_soon(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.empty()) type_error("call_soon() missing 1 required positional argument: 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[0], std::vector<Value>(a.pos.begin() + 1, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_soon(std::move(fn), text), a.pos[0],
                   std::vector<Value>(a.pos.begin() + 1, a.pos.end()));
}
Value lp_call_later(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("call_later() missing required positional arguments: 'delay' and 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[1], std::vector<Value>(a.pos.begin() + 2, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_later(seconds_of(a.pos[0]), std::move(fn), text), a.pos[1],
                   std::vector<Value>(a.pos.begin() + 2, a.pos.end()));
}
Value lp_call_at(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("call_at() missing required positional arguments: 'when' and 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[1], std::vector<Value>(a.pos.begin() + 2, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_at(seconds_of(a.pos[0]), std::move(fn), text), a.pos[1],
                   std::vector<Value>(a.pos.begin() + 2, a.pos.end()));
}
Value lp_call_soon_threadsafe(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.empty()) type_error("call_soon_threadsafe() missing 1 required positional argument: 'callback'");
  std::string text;
  std::vector<Value> args(a.pos.begin() + 1, a.pos.end());
  auto fn = callback(in, a.pos[0], args, text);
  Value made;  // the handle, when the call is made on the loop's thread
  call_soon_threadsafe(loop_of(in, self), std::move(fn), text, [&made, cb = a.pos[0], args](Handle* h) {
    made = scheduled(Ref<Handle>(h), cb, args);
  });
  return made;
}
Value lp_run_in_executor(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("run_in_executor() missing required positional arguments: 'executor' and 'func'");
  CallArgs rest{std::vector<Value>(a.pos.begin() + 2, a.pos.end()), {}};
  return Value::object(run_in_executor(in, loop_of(in, self), a.pos[0], a.pos[1], std::move(rest)));
}
Value lp_create_future(Interp& in, const Value& self, CallArgs& a) {
  check_args("create_future", a, 0, 0);
  return Value::object(loop_of(in, self).create_future("create_future"));
}
Value lp_create_task(Interp& in, const Value& self, CallArgs& a) {
  return create_task_on(in, loop_of(in, self), a);
}
Value h_cancel(Interp&, const Value& self, CallArgs& a) {
  check_args("cancel", a, 0, 0);
  self_as<Handle>(self)->cancel();
  return Value();
}
Value h_when(Interp&, const Value& self, CallArgs& a) {
  check_args("when", a, 0, 0);
  return Value::real(self_as<Handle>(self)->when);
}
Value q_maxsize(Interp&, const Value& self) { return Value::integer(self_as<Queue>(self)->maxsize()); }
Value h_cancelled(Interp&, const Value& self, CallArgs& a) {
  check_args("cancelled", a, 0, 0);
  return Value::boolean(self_as<Handle>(self)->cancelled());
}

// A method of "Future": asyncio's, or concurrent.futures' for a thread future.
template <NativeFn AsyncioFn, NativeFn ThreadFn>
Value either(Interp& in, const Value& self, CallArgs& a) {
  return is_thread_future(self) ? ThreadFn(in, self, a) : AsyncioFn(in, self, a);
}
Value no_running(Interp&, const Value&, CallArgs&) {
  raise(Exc::AttributeError, "'Future' object has no attribute 'running'");
}

void install_methods() {
  static const bool done = [] {
    std::initializer_list<std::pair<const char*, NativeFn>> future = {
        {"result", f_result}, {"exception", f_exception}, {"done", f_done}, {"cancelled", f_cancelled},
        {"cancel", f_cancel}, {"add_done_callback", f_add_done_callback}, {"set_result", f_set_result},
        {"set_exception", f_set_exception}, {"remove_done_callback", f_remove_done_callback},
    };
    register_methods("Future", future);
    register_methods("_GatheringFuture", future);
    // concurrent.futures.Future shares the type name: its own methods.
    register_methods("Future", {{"result", either<f_result, tf_result>}, {"exception", either<f_exception, tf_exception>},
                                {"done", either<f_done, tf_done>}, {"cancelled", either<f_cancelled, tf_cancelled>},
                                {"cancel", either<f_cancel, tf_cancel>},
                                {"add_done_callback", either<f_add_done_callback, tf_add_done_callback>},
                                {"set_result", either<f_set_result, tf_set_result>},
                                {"set_exception", either<f_set_exception, tf_set_exception>},
                                {"running", either<no_running, tf_running>}});
    register_methods("Task", future);
    register_methods("Task", {{"get_name", t_get_name}, {"set_name", t_set_name}, {"get_coro", t_get_coro},
                              {"cancelling", t_cancelling}, {"uncancel", t_uncancel}});
    register_methods("Queue", {{"put", q_put}, {"get", q_get}, {"join", q_join}, {"put_nowait", q_put_nowait},
                               {"get_nowait", q_get_nowait}, {"task_done", q_task_done}, {"qsize", q_qsize},
                               {"empty", q_empty}, {"full", q_full}});
    for (const char* q : {"PriorityQueue", "LifoQueue"}) {
      register_methods(q, {{"put", q_put}, {"get", q_get}, {"join", q_join}, {"put_nowait", q_put_nowait},
                           {"get_nowait", q_get_nowait}, {"task_done", q_task_done}, {"qsize", q_qsize},
                           {"empty", q_empty}, {"full", q_full}});
    }
    register_methods("Event", {{"set", e_set}, {"clear", e_clear}, {"is_set", e_is_set}, {"wait", e_wait}});
    register_methods("Lock", {{"acquire", l_acquire}, {"release", l_release}, {"locked", l_locked},
                              {"__aenter__", l_aenter}, {"__aexit__", l_aexit}});
    for (const char* s : {"Semaphore", "BoundedSemaphore"}) {
      register_methods(s, {{"acquire", s_acquire}, {"release", s_release}, {"locked", s_locked},
                           {"__aenter__", s_aenter}, {"__aexit__", s_aexit}});
    }
    register_methods("Condition", {{"acquire", c_acquire}, {"release", c_release}, {"locked", c_locked},
                                   {"wait", c_wait}, {"wait_for", c_wait_for}, {"notify", c_notify},
                                   {"notify_all", c_notify_all}, {"__aenter__", c_aenter}, {"__aexit__", c_aexit}});
    register_methods("Timeout", {{"__aenter__", tm_aenter}, {"__aexit__", tm_aexit}, {"reschedule", tm_reschedule},
                                 {"expired", tm_expired}, {"when", tm_when}});
    register_methods("_UnixSelectorEventLoop", {{"time", lp_time}, {"call_soon", lp_call_soon},
                                                {"call_later", lp_call_later}, {"call_at", lp_call_at},
                                                {"create_future", lp_create_future}, {"create_task", lp_create_task},
                                                {"run_until_complete", lp_run_until_complete},
                                                {"run_forever", lp_run_forever}, {"stop", lp_stop},
                                                {"close", lp_close}, {"is_closed", lp_is_closed},
                                                {"is_running", lp_is_running},
                                                {"call_soon_threadsafe", lp_call_soon_threadsafe},
                                                {"run_in_executor", lp_run_in_executor}});
    register_methods("Handle", {{"cancel", h_cancel}, {"cancelled", h_cancelled}});
    register_methods("TaskGroup", {{"create_task", tg_create_task}, {"__aenter__", tg_aenter}, {"__aexit__", tg_aexit}});
    register_methods("TimerHandle", {{"cancel", h_cancel}, {"cancelled", h_cancelled}, {"when", h_when}});
    for (const char* q : {"Queue", "PriorityQueue", "LifoQueue"}) register_properties(q, {{"maxsize", q_maxsize}});
    return true;
  }();
  (void)done;
}

}  // namespace

Ref<ModuleObj> make_asyncio_module(Interp&) {
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
  add_function(*m, "iscoroutinefunction", a_iscoroutinefunction);
  add_function(*m, "get_running_loop", a_get_running_loop);
  add_function(*m, "get_event_loop", a_get_event_loop);
  add_function(*m, "new_event_loop", a_new_event_loop);
  add_function(*m, "set_event_loop", a_set_event_loop);
  m->globals["Queue"] = Value::object(engine_class("Queue", "asyncio.queues", a_Queue));  // a class: isinstance works
  m->globals["PriorityQueue"] = Value::object(engine_class("PriorityQueue", "asyncio.queues", a_PriorityQueue));  // a class: isinstance works
  m->globals["LifoQueue"] = Value::object(engine_class("LifoQueue", "asyncio.queues", a_LifoQueue));  // a class: isinstance works
  m->globals["Event"] = Value::object(engine_class("Event", "asyncio.locks", a_Event));  // a class: isinstance works
  m->globals["Lock"] = Value::object(engine_class("Lock", "asyncio.locks", a_Lock));  // a class: isinstance works
  m->globals["Semaphore"] = Value::object(engine_class("Semaphore", "asyncio.locks", a_Semaphore));  // a class: isinstance works
  m->globals["BoundedSemaphore"] = Value::object(engine_class("BoundedSemaphore", "asyncio.locks", a_BoundedSemaphore));  // a class: isinstance works
  m->globals["Condition"] = Value::object(engine_class("Condition", "asyncio.locks", a_Condition));  // a class: isinstance works
  m->globals["TaskGroup"] = Value::object(engine_class("TaskGroup", "asyncio.taskgroups", a_TaskGroup));  // a class: isinstance works
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
  m->globals["FIRST_COMPLETED"] = str_value("FIRST_COMPLETED");
  m->globals["FIRST_EXCEPTION"] = str_value("FIRST_EXCEPTION");
  m->globals["ALL_COMPLETED"] = str_value("ALL_COMPLETED");
  (void)return_value;
  return m;
}

}  // namespace loopscope::script
