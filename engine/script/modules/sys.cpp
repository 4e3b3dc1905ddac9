// The sys module: stdout/stderr writers (to the trace), exit, argv.

#include "engine/script/modules/modules.hpp"
#include "engine/world/host_process.hpp"

namespace loopscope::script {

namespace {

// sys.stdout / sys.stderr: a module-like object with write() and flush().
Value s_write_out(Interp& in, const Value&, CallArgs& a) {
  check_args("write", a, 1, 1);
  const std::string& s = as_str(a.pos[0], "write() argument");
  in.write_stdout(s);
  return Value::integer(static_cast<int64_t>(s.size()));
}

Value s_write_err(Interp& in, const Value&, CallArgs& a) {
  check_args("write", a, 1, 1);
  const std::string& s = as_str(a.pos[0], "write() argument");
  in.write_stderr(s);
  return Value::integer(static_cast<int64_t>(s.size()));
}

Value s_flush(Interp&, const Value&, CallArgs&) { return Value(); }

Value s_exit(Interp&, const Value&, CallArgs& a) {
  check_args("exit", a, 0, 1);
  throw PyError{make_exc(Exc::SystemExit, a.pos)};
}

Value s_getrecursionlimit(Interp&, const Value&, CallArgs& a) {
  check_args("sys.getrecursionlimit", a, 0, 0);
  return Value::integer(static_cast<int64_t>(kRecursionLimit));
}

Ref<ModuleObj> stream(const char* name, NativeFn write) {
  Ref<ModuleObj> s = make<ModuleObj>(name);
  s->globals["name"] = str_value(name);
  add_function(*s, "write", write);
  add_function(*s, "flush", s_flush);
  return s;
}

}  // namespace

Ref<ModuleObj> make_sys_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("sys");
  m->globals["stdout"] = Value::object(stream("<stdout>", s_write_out));
  m->globals["stderr"] = Value::object(stream("<stderr>", s_write_err));
  m->globals["argv"] = Value::object(make<ListObj>(std::vector<Value>{str_value(in.file())}));
  m->globals["version"] = str_value("3.11.7 (loopscope)");
  m->globals["maxsize"] = Value::integer(INT64_MAX);
  // A plain tuple: compares and unpacks as CPython's, prints as a tuple.
  m->globals["version_info"] = Value::object(make<TupleObj>(std::vector<Value>{
      Value::integer(3), Value::integer(11), Value::integer(7), str_value("final"), Value::integer(0)}));
  m->globals["platform"] = str_value("linux");
  m->globals["executable"] = str_value(find_on_path("python3"));
  add_function(*m, "exit", s_exit);
  add_function(*m, "getrecursionlimit", s_getrecursionlimit);
  return m;
}

}  // namespace loopscope::script
