// Running program text through the scenario language (engine/script).
#include "engine/scenario/scenario.hpp"
#include "engine/script/script.hpp"

namespace loopscope {

namespace {

// Past this many, more errors only bury the first ones (a binary file
// gives hundreds): the rest are counted in one last line.
constexpr size_t kMaxErrors = 20;

std::vector<Diagnostic> convert(const script::CompileResult& c) {
  std::vector<Diagnostic> out;
  for (const script::Diagnostic& d : c.errors) {
    if (out.size() == kMaxErrors) {
      Diagnostic more;
      more.file = c.file;
      more.message = std::to_string(c.errors.size() - kMaxErrors) + " more errors not shown";
      out.push_back(std::move(more));
      break;
    }
    Diagnostic x;
    x.file = c.file;
    x.line = d.line;
    x.col = d.col;
    x.message = d.message;
    x.source_line = script::source_line(c.source, d.line);
    out.push_back(std::move(x));
  }
  return out;
}

// The module docstring: the first statement, when it is a string literal.
std::string module_docstring(const std::string& src) {
  size_t i = src.find_first_not_of(" \t\r\n");
  while (i != std::string::npos && src[i] == '#') {  // comments before it
    i = src.find('\n', i);
    if (i == std::string::npos) return {};
    i = src.find_first_not_of(" \t\r\n", i);
  }
  if (i == std::string::npos) return {};
  for (const char* q : {"\"\"\"", "'''"}) {
    if (src.compare(i, 3, q) == 0) {
      size_t end = src.find(q, i + 3);
      if (end == std::string::npos) return {};
      return src.substr(i + 3, end - i - 3);
    }
  }
  return {};
}

}  // namespace

std::vector<Diagnostic> compile_errors(const std::string& file, const std::string& source) {
  script::CompileResult c = script::compile_source(file, source);
  return c.ok ? std::vector<Diagnostic>{} : convert(c);
}

ScenarioRun run_source(const std::string& name, const std::string& source, const RunOptions& options) {
  ScenarioRun r;
  r.name = name;
  r.path = name;
  r.source = source;
  r.docstring = module_docstring(source);
  r.world = std::make_unique<World>(options);
  script::CompileResult c = script::compile_source(name, source);
  if (!c.ok) {
    r.exit_code = 2;
    r.errors = convert(c);
    return r;
  }
  script::RunResult res = script::run_program(*r.world, *c.program);
  r.exit_code = res.status;
  r.blocked = res.blocked;
  if (!res.traceback.empty()) {
    size_t start = 0;
    while (start < res.traceback.size()) {
      size_t nl = res.traceback.find('\n', start);
      if (nl == std::string::npos) nl = res.traceback.size();
      r.traceback.push_back(res.traceback.substr(start, nl - start));
      start = nl + 1;
    }
  }
  return r;
}

}  // namespace loopscope
