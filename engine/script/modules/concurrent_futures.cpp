// concurrent.futures: ThreadPoolExecutor and Future on simulated threads.

#include "engine/script/modules/concurrent_futures.hpp"

#include <typeinfo>

#include "engine/loop/world.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

// os.cpu_count() in the simulated world: ThreadPoolExecutor's default
// max_workers is min(32, 4 + 4).
constexpr int64_t kCpuCount = 4;

const char* state_name(ThreadFutureObj::State s) {
  switch (s) {
    case ThreadFutureObj::State::Pending: return "pending";
    case ThreadFutureObj::State::Running: return "running";
    case ThreadFutureObj::State::Cancelled: return "cancelled";
    case ThreadFutureObj::State::Finished: return "finished";
  }
  return "?";
}

ThreadFutureObj* tf(const Value& self) { return static_cast<ThreadFutureObj*>(self.obj()); }

[[noreturn]] void blocking_not_simulated() {
  raise(Exc::RuntimeError, "blocking on a pending thread-pool future is not simulated");
}

}  // namespace

bool is_thread_future(const Value& v) {
  Object* o = v.obj();
  return o && typeid(*o) == typeid(ThreadFutureObj);
}

std::string ThreadFutureObj::repr() const {
  return std::string("<Future at 0x? state=") + state_name(state) + ">";
}

bool ThreadFutureObj::cancel() {
  if (state == State::Running || state == State::Finished) return false;
  if (state == State::Cancelled) return true;
  state = State::Cancelled;
  finish();
  return true;
}

bool ThreadFutureObj::set_running_or_notify_cancel() {
  if (state == State::Cancelled) return false;
  state = State::Running;
  return true;
}

void ThreadFutureObj::set_result(Value v) {
  result = std::move(v);
  state = State::Finished;
  finish();
}

void ThreadFutureObj::set_exception(Ref<ExceptionObj> e) {
  exception = std::move(e);
  state = State::Finished;
  finish();
}

void ThreadFutureObj::add_done_callback(std::function<void(ThreadFutureObj*)> fn) {
  if (done()) {
    fn(this);
    return;
  }
  callbacks_.push_back(std::move(fn));
}

void ThreadFutureObj::finish() {
  std::vector<std::function<void(ThreadFutureObj*)>> cbs;
  cbs.swap(callbacks_);
  Ref<ThreadFutureObj> keep(this);
  for (auto& cb : cbs) cb(this);
}

Ref<ThreadFutureObj> submit_job(Interp& in, ThreadPool& pool, const Value& fn, CallArgs args) {
  if (pool.is_shutdown()) raise(Exc::RuntimeError, "cannot schedule new futures after shutdown");
  Ref<ThreadFutureObj> fut = make<ThreadFutureObj>();
  Interp* ip = &in;
  ThreadPool::Job job;
  job.claim = [fut] { return fut->set_running_or_notify_cancel(); };
  job.cancel = [fut] { fut->cancel(); };
  job.run = [ip, fut, fn, args]() mutable -> std::function<void()> {
    try {
      Value v = ip->call(fn, args);
      return [fut, v] { fut->set_result(v); };
    } catch (const PyError& e) {  // the worker catches BaseException
      Ref<ExceptionObj> exc = e.exc;
      return [fut, exc] { fut->set_exception(exc); };
    }
  };
  pool.submit(std::move(job));
  return fut;
}

// ---- Future methods ----

Value tf_result(Interp&, const Value& self, CallArgs& a) {
  check_args("result", a, 0, 1, true);
  ThreadFutureObj* f = tf(self);
  if (f->state == ThreadFutureObj::State::Cancelled) raise(Exc::CancelledError, "");
  if (!f->done()) blocking_not_simulated();
  if (f->exception) throw PyError{f->exception};
  return f->result;
}
Value tf_exception(Interp&, const Value& self, CallArgs& a) {
  check_args("exception", a, 0, 1, true);
  ThreadFutureObj* f = tf(self);
  if (f->state == ThreadFutureObj::State::Cancelled) raise(Exc::CancelledError, "");
  if (!f->done()) blocking_not_simulated();
  return f->exception ? Value::object(f->exception) : Value();
}
Value tf_done(Interp&, const Value& self, CallArgs& a) {
  check_args("done", a, 0, 0);
  return Value::boolean(tf(self)->done());
}
Value tf_cancelled(Interp&, const Value& self, CallArgs& a) {
  check_args("cancelled", a, 0, 0);
  return Value::boolean(tf(self)->state == ThreadFutureObj::State::Cancelled);
}
Value tf_running(Interp&, const Value& self, CallArgs& a) {
  check_args("running", a, 0, 0);
  return Value::boolean(tf(self)->state == ThreadFutureObj::State::Running);
}
Value tf_cancel(Interp&, const Value& self, CallArgs& a) {
  check_args("cancel", a, 0, 0);
  return Value::boolean(tf(self)->cancel());
}
Value tf_add_done_callback(Interp& in, const Value& self, CallArgs& a) {
  check_args("add_done_callback", a, 1, 1);
  Interp* ip = &in;
  Value fn = a.pos[0];
  tf(self)->add_done_callback([ip, fn](ThreadFutureObj* f) { ip->call(fn, std::vector<Value>{Value::object(f)}); });
  return Value();
}
Value tf_set_result(Interp&, const Value& self, CallArgs& a) {
  check_args("set_result", a, 1, 1);
  if (tf(self)->done()) raise(Exc::InvalidStateError, repr(self));
  tf(self)->set_result(a.pos[0]);
  return Value();
}
Value tf_set_exception(Interp&, const Value& self, CallArgs& a) {
  check_args("set_exception", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Exception)) type_error("invalid exception object");
  if (tf(self)->done()) raise(Exc::InvalidStateError, repr(self));
  tf(self)->set_exception(Ref<ExceptionObj>(a.pos[0].as<ExceptionObj>()));
  return Value();
}

namespace {

ThreadPool& pool_of(const Value& self) { return *static_cast<ExecutorObj*>(self.obj())->pool; }

Value cf_ThreadPoolExecutor(Interp& in, const Value&, CallArgs& a) {
  check_args("ThreadPoolExecutor", a, 0, 2, true);
  Value max = a.pos.size() > 0 ? a.pos[0] : Value();
  Value prefix = a.pos.size() > 1 ? a.pos[1] : Value();
  for (auto& [k, v] : a.kw) {
    if (k == "max_workers") max = v;
    else if (k == "thread_name_prefix") prefix = v;
    else type_error("ThreadPoolExecutor.__init__() got an unexpected keyword argument '" + k + "'");
  }
  int64_t n = max.is_none() ? std::min<int64_t>(32, kCpuCount + 4) : to_int(max, "max_workers");
  if (n <= 0) value_error("max_workers must be greater than 0");
  World& w = in.world();
  std::string name = prefix.is_none() ? std::string() : in.str(prefix);
  if (name.empty()) name = "ThreadPoolExecutor-" + std::to_string(w.threads.next_pool_number());
  return Value::object(make<ExecutorObj>(std::make_shared<ThreadPool>(w, uint32_t(n), name)));
}

Value ex_submit(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.empty()) type_error("submit() missing 1 required positional argument: 'fn'");
  CallArgs rest{std::vector<Value>(a.pos.begin() + 1, a.pos.end()), a.kw};
  return Value::object(submit_job(in, pool_of(self), a.pos[0], std::move(rest)));
}

Value ex_shutdown(Interp& in, const Value& self, CallArgs& a) {
  check_args("shutdown", a, 0, 1, true);
  bool wait = a.pos.empty() || in.truthy(a.pos[0]);
  bool cancel = false;
  for (auto& [k, v] : a.kw) {
    if (k == "wait") wait = in.truthy(v);
    else if (k == "cancel_futures") cancel = in.truthy(v);
    else type_error("shutdown() got an unexpected keyword argument '" + k + "'");
  }
  pool_of(self).shutdown(wait, cancel);
  return Value();
}

Value ex_enter(Interp&, const Value& self, CallArgs& a) {
  check_args("__enter__", a, 0, 0);
  return self;
}

Value ex_exit(Interp&, const Value& self, CallArgs&) {
  pool_of(self).shutdown(true, false);
  return Value::boolean(false);
}

}  // namespace

Ref<ModuleObj> make_concurrent_futures_module(Interp&) {
  register_methods(engine_type("ThreadPoolExecutor"), {{"submit", ex_submit}, {"shutdown", ex_shutdown},
                                          {"__enter__", ex_enter}, {"__exit__", ex_exit}});
  Ref<ModuleObj> m = make<ModuleObj>("concurrent.futures");
  add_function(*m, "ThreadPoolExecutor", cf_ThreadPoolExecutor);
  return m;
}

Ref<ModuleObj> make_concurrent_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("concurrent");
  m->globals["futures"] = in.import_module("concurrent.futures");
  return m;
}

}  // namespace loopscope::script
