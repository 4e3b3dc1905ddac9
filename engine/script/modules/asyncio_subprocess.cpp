// asyncio.subprocess and asyncio.create_subprocess_exec/_shell. The
// processes are the shared library engine/script/lib/_loopscope_subprocess.py
// (which the CPython oracle imports too), built on the subprocess module;
// these natives import it on first use and hand it the call.

#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

Value forward(Interp& in, const char* name, CallArgs& a) {
  Value lib = in.import_module("_loopscope_subprocess");
  return in.call(in.getattr(lib, name), a);
}

Value as_exec(Interp& in, const Value&, CallArgs& a) { return forward(in, "create_subprocess_exec", a); }
Value as_shell(Interp& in, const Value&, CallArgs& a) { return forward(in, "create_subprocess_shell", a); }

}  // namespace

void add_subprocess(ModuleObj& asyncio) {
  Ref<ModuleObj> m = make<ModuleObj>("asyncio.subprocess");
  m->globals["PIPE"] = Value::integer(-1);
  m->globals["STDOUT"] = Value::integer(-2);
  m->globals["DEVNULL"] = Value::integer(-3);
  add_function(*m, "create_subprocess_exec", as_exec);
  add_function(*m, "create_subprocess_shell", as_shell);
  add_function(asyncio, "create_subprocess_exec", as_exec);
  add_function(asyncio, "create_subprocess_shell", as_shell);
  asyncio.globals["subprocess"] = Value::object(m);
}

Ref<ModuleObj> make_asyncio_subprocess_module(Interp& in) {
  Value m = in.getattr(in.import_module("asyncio"), "subprocess");
  return Ref<ModuleObj>(static_cast<ModuleObj*>(m.obj()));
}

}  // namespace loopscope::script
