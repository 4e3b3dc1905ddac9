// The subprocess module: real commands on the host, each run to its end at
// once, synchronously (engine/world/host_process.*), costing no virtual
// time (docs/SIMULATED_WORLD.md, "Processes"). run, call, check_call,
// check_output, getoutput, getstatusoutput and a Popen whose process runs
// when its input is complete are script source (kSource) over one native,
// _run; the CPython oracle runs the same source (tests/conformance/
// sim_proc.py reads it from this file) over its own _run.

#include "engine/loop/world.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/world/host_process.hpp"

namespace loopscope::script {

namespace {

using Stream = ProcessRequest::Stream;

// A stream argument: -1 PIPE, -2 STDOUT, -3 DEVNULL, or a descriptor.
Stream stream_of(const Value& v, int& fd) {
  int64_t n = to_int(v, "stream");
  if (n == -1) return Stream::Pipe;
  if (n == -2) return Stream::ToStdout;
  if (n == -3) return Stream::Null;
  fd = static_cast<int>(n);
  return Stream::Fd;
}

std::string bytes_arg(const Value& v) {
  const std::string* b = bytes_like(v);
  if (b != nullptr) return *b;
  return as_str(v, "argument");
}

// _run(argv, cwd, env, stdin, input, stdout, stderr, timeout)
//   -> (returncode, stdout bytes, stderr bytes, pid, timed out)
// argv: a list of str/bytes; cwd: str or None; env: list of "K=V" or None;
// input: bytes fed to a PIPE stdin; timeout: seconds or None.
Value sp_run(Interp& in, const Value&, CallArgs& a) {
  check_args("_run", a, 8, 8);
  ProcessRequest r;
  for (const Value& item : a.pos[0].as<ListObj>()->items) r.argv.push_back(bytes_arg(item));
  if (!a.pos[1].is_none()) r.cwd = bytes_arg(a.pos[1]);
  require_file_system(in, r.argv.empty() ? Value() : a.pos[0].as<ListObj>()->items[0]);
  if (!a.pos[2].is_none()) {
    r.has_env = true;
    for (const Value& item : a.pos[2].as<ListObj>()->items) r.env.push_back(bytes_arg(item));
  }
  r.in = stream_of(a.pos[3], r.in_fd);
  if (!a.pos[4].is_none()) r.input = bytes_arg(a.pos[4]);
  r.out = stream_of(a.pos[5], r.out_fd);
  r.err = stream_of(a.pos[6], r.err_fd);
  if (!a.pos[7].is_none()) r.timeout = to_float(a.pos[7], "timeout");
  ProcessOutcome o = run_host_process(r);
  if (o.error != 0) raise_os_error(o.error, o.error_in_cwd ? a.pos[1] : a.pos[0].as<ListObj>()->items[0]);
  return Value::object(new TupleObj({Value::integer(o.returncode), bytes_value(std::move(o.out)),
                                     bytes_value(std::move(o.err)), Value::integer(o.pid), Value::boolean(o.timed_out)}));
}

}  // namespace

const char* subprocess_module_source();

Ref<ModuleObj> make_subprocess_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("subprocess");
  add_function(*m, "_run", sp_run);
  run_source_in_module(in, m, "subprocess.py", subprocess_module_source());
  return m;
}

}  // namespace loopscope::script
