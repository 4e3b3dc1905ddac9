#include "engine/scenario/scenario.hpp"

#include <fstream>
#include <sstream>

namespace loopscope {

std::string Diagnostic::format() const {
  if (line <= 0) return file + ": error: " + message + "\n";
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message + "\n";
  if (!source_line.empty()) {
    out += "    " + source_line + "\n";
    out += "    " + std::string(col > 1 ? static_cast<size_t>(col - 1) : 0, ' ') + "^\n";
  }
  return out;
}

namespace {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

std::string stem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  return dot == std::string::npos ? base : base.substr(0, dot);
}

ScenarioRun usage_error(const std::string& path, const std::string& message) {
  ScenarioRun r;
  r.name = stem(path);
  r.path = path;
  r.exit_code = 2;
  Diagnostic d;
  d.file = path;
  d.line = 0;
  d.message = message;
  r.errors.push_back(d);
  return r;
}

// Finds the program text: a file on disk, else a built-in by name.
bool resolve(const std::string& path_or_name, std::string& name, std::string& path, std::string& source,
             std::string& error) {
  if (path_or_name == "demo") {
    name = "demo";
    return true;
  }
  if (read_file(path_or_name, source)) {
    name = stem(path_or_name);
    path = path_or_name;
    return true;
  }
  if (const BuiltinScenario* b = find_builtin(path_or_name)) {
    name = b->name;
    path = b->name + ".py";
    source = b->source;
    return true;
  }
  error = "cannot open '" + path_or_name + "': no such file or built-in scenario (see `loopscope list`)";
  return false;
}

}  // namespace

ScenarioRun run_scenario(const std::string& path_or_name, const RunOptions& options) {
  std::string name, path, source, error;
  if (!resolve(path_or_name, name, path, source, error)) return usage_error(path_or_name, error);
  if (name == "demo" && path.empty()) return run_demo(options);
  ScenarioRun r = run_source(path, source, options);
  r.name = name;
  r.path = path;
  return r;
}

std::vector<Diagnostic> check_scenario(const std::string& path_or_name) {
  std::string name, path, source, error;
  if (!resolve(path_or_name, name, path, source, error)) return usage_error(path_or_name, error).errors;
  if (path.empty()) return {};
  return compile_errors(path, source);
}

}  // namespace loopscope
