// _loopscope_world: what the simulated libraries written in Python
// (engine/script/lib) need to know about the simulated world that asyncio
// does not tell them. The oracle gives its programs the same module
// (tests/conformance/sim_net.py, world_module).
//
//   listening(host, port) -> bool   a connect to (host, port) would be
//                                   accepted (requests' blocking connect)

#include "engine/loop/world.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

Value listening(Interp& in, const Value&, CallArgs& a) {
  check_args("listening", a, 2, 2);
  std::optional<std::string> host;
  if (a.pos[0].is(ObjKind::Str)) host = a.pos[0].as<StrObj>()->value;
  int64_t port = to_int(a.pos[1], "port");
  SimNet& net = in.world().net;
  return Value::boolean(net.is_listening({net.host_ip(host), port}));
}

}  // namespace

Ref<ModuleObj> make_loopscope_world_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("_loopscope_world");
  add_function(*m, "listening", listening);
  return m;
}

}  // namespace loopscope::script
