#include "case_runner.hpp"

#include <fstream>
#include <sstream>

#include "engine/loop/world.hpp"
#include "engine/script/script.hpp"

namespace loopscope::script::testing {

CaseRun run_source(const std::string& file, const std::string& source, const RunOptions* options) {
  CaseRun out;
  CompileResult c = compile_source(file, source);
  if (!c.ok) {
    out.compile_errors = c.formatted();
    out.status = 2;
    return out;
  }
  out.compiled = true;
  World world(options ? *options : RunOptions{});
  RunResult r = run_program(world, *c.program);
  out.status = r.status;
  out.traceback = r.traceback;
  const Trace& t = world.trace;
  for (size_t i = 0; i < t.size(); ++i) {
    const Event e = t[i];
    switch (e.kind) {
      case Ev::Output: out.lines.push_back(std::string(t.string(e.a))); break;
      case Ev::Warning: out.lines.push_back("! warning " + std::string(t.string(e.a))); break;
      case Ev::AsyncioError: out.lines.push_back("! asyncio " + std::string(t.string(e.a))); break;
      case Ev::Stderr: out.lines.push_back("! stderr " + std::string(t.string(e.a))); break;
      case Ev::Traceback: out.lines.push_back("! traceback " + std::string(t.string(e.a))); break;
      case Ev::Deadlock: out.lines.push_back("! deadlock " + std::string(t.string(e.a))); break;
      case Ev::Limit: out.lines.push_back("! limit " + std::string(t.string(e.a))); break;
      default: break;
    }
  }
  return out;
}

CaseRun run_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string name = path.substr(path.find_last_of('/') + 1);
  return run_source(name, ss.str());
}

}  // namespace loopscope::script::testing
