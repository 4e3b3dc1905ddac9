// asyncio.Runner (runners.py): a loop made on first use, several run()
// calls on it, and asyncio.run's shutdown sequence at close().

#include "engine/lib/runner.hpp"
#include "engine/script/modules/asyncio_loop.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/generator.hpp"

namespace loopscope::script {

namespace {

class RunnerObj final : public Object {
 public:
  RunnerObj() : Object(ObjKind::Other) {}
  std::string type_name() const override { return "Runner"; }
  std::string repr() const override { return "<asyncio.runners.Runner object at 0x?>"; }
  enum class State : uint8_t { Created, Initialized, Closed } state = State::Created;
  EventLoop* loop = nullptr;
  bool debug = false;
};

RunnerObj& runner_of(const Value& self) { return *static_cast<RunnerObj*>(self.obj()); }

// Runner._lazy_init: a new loop, made the policy's loop.
EventLoop& lazy_init(Interp& in, RunnerObj& r) {
  if (r.state == RunnerObj::State::Closed) raise(Exc::RuntimeError, "Runner is closed");
  if (r.state == RunnerObj::State::Initialized) return *r.loop;
  r.loop = &in.world().new_loop();
  r.loop->debug = r.debug;
  in.state().policy_loop = r.loop;
  in.state().policy_loop_set = true;
  r.state = RunnerObj::State::Initialized;
  return *r.loop;
}

void close_runner(Interp& in, RunnerObj& r) {
  if (r.state != RunnerObj::State::Initialized) return;
  struct Finally {
    Interp& in;
    RunnerObj& r;
    ~Finally() {
      in.state().policy_loop = nullptr;  // set_event_loop(None)
      in.state().policy_loop_set = true;
      r.state = RunnerObj::State::Closed;
    }
  } finally{in, r};
  EventLoop& loop = *r.loop;
  Interp* ip = &in;
  runner_close(loop, [ip](EventLoop& l) { return asyncgen_closers(*ip, l); });
}

Value a_Runner(Interp& in, const Value&, CallArgs& a) {
  check_args("Runner", a, 0, 0, true);
  bool debug = false;
  for (auto& [k, v] : a.kw) {
    if (k == "debug") {
      debug = in.truthy(v);
    } else if (k == "loop_factory") {
      if (!v.is_none()) raise(Exc::NotImplementedError, "Runner(loop_factory=...) is not supported");
    } else {
      type_error("Runner.__init__() got an unexpected keyword argument '" + k + "'");
    }
  }
  Ref<RunnerObj> r = make<RunnerObj>();
  r->debug = debug;
  return Value::object(r);
}

Value r_enter(Interp& in, const Value& self, CallArgs& a) {
  check_args("__enter__", a, 0, 0);
  lazy_init(in, runner_of(self));
  return self;
}

Value r_exit(Interp& in, const Value& self, CallArgs&) {
  close_runner(in, runner_of(self));
  return Value();
}

Value r_close(Interp& in, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  close_runner(in, runner_of(self));
  return Value();
}

Value r_get_loop(Interp& in, const Value& self, CallArgs& a) {
  check_args("get_loop", a, 0, 0);
  return loop_value(in, lazy_init(in, runner_of(self)));
}

Value r_run(Interp& in, const Value& self, CallArgs& a) {
  check_args("run", a, 1, 1, true);
  for (auto& [k, v] : a.kw) {
    if (k != "context") type_error("Runner.run() got an unexpected keyword argument '" + k + "'");
  }
  if (!a.pos[0].is(ObjKind::Coroutine)) value_error("a coroutine was expected, got " + in.repr(a.pos[0]));
  if (in.world().running_loop) raise(Exc::RuntimeError, "Runner.run() cannot be called from a running event loop");
  EventLoop& loop = lazy_init(in, runner_of(self));
  Ref<Task> task = loop.create_task(Ref<Coroutine>(a.pos[0].as<Coroutine>()));
  return loop.run_until_complete(task);
}

}  // namespace

void add_runner(ModuleObj& m) {
  register_methods(engine_type("Runner"), {{"__enter__", r_enter}, {"__exit__", r_exit}, {"close", r_close},
                              {"get_loop", r_get_loop}, {"run", r_run}});
  add_function(m, "Runner", a_Runner);
}

}  // namespace loopscope::script
