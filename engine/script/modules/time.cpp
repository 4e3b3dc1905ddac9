// The time module in virtual time: the clocks read World::now, and
// time.sleep blocks the event loop (the clock moves, nothing runs).

#include "engine/loop/event_loop.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

Value t_now(Interp& in, const Value&, CallArgs& a) {
  check_args("time", a, 0, 0);
  return Value::real(in.world().now);
}

Value t_sleep(Interp& in, const Value&, CallArgs& a) {
  check_args("sleep", a, 1, 1);
  double secs = to_float(a.pos[0], "sleep() argument");
  if (secs < 0) value_error("sleep length must be non-negative");
  if (in.world().threads.in_thread()) {
    in.world().threads.sleep(in.world(), secs);  // blocks only that simulated thread
  } else if (EventLoop* loop = in.world().running_loop) {
    loop->block(secs);
  } else {
    // Blocking outside any loop: the clock moves all the same.
    World& w = in.world();
    double to = w.now + secs;
    w.trace.add(Ev::Block, w.trace.num(secs), Who::kOutside, w.trace.num(to));
    w.now = to;
  }
  return Value();
}

}  // namespace

Ref<ModuleObj> make_time_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("time");
  add_function(*m, "time", t_now);
  add_function(*m, "monotonic", t_now);
  add_function(*m, "perf_counter", t_now);
  add_function(*m, "sleep", t_sleep);
  return m;
}

}  // namespace loopscope::script
