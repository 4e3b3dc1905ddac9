#include "engine/scenario/scenario.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace loopscope {

namespace {

// The source line as a terminal can show it: control bytes and bytes that
// are not valid UTF-8 become '?', one per byte, so the caret still lines up
// with columns counted in bytes.
std::string printable(const std::string& line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    auto c = static_cast<unsigned char>(line[i]);
    // Well-formed UTF-8 (RFC 3629): no overlong forms, surrogates or
    // code points past U+10FFFF.
    size_t len = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3
               : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
    bool ok = len > 0 && i + len <= line.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(line[i + k]) >> 6) == 0x2;
    if (ok && len > 2) {
      auto c1 = static_cast<unsigned char>(line[i + 1]);
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f) || (c == 0xf0 && c1 < 0x90) ||
          (c == 0xf4 && c1 > 0x8f)) {
        ok = false;
      }
    }
    if (!ok) {
      out += '?';
      ++i;
    } else if (len == 1) {
      out += (c == '\t') ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
      ++i;
    } else {
      out.append(line, i, len);
      i += len;
    }
  }
  return out;
}

}  // namespace

std::string Diagnostic::format() const {
  if (line <= 0) return file + ": error: " + message + "\n";
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message + "\n";
  if (!source_line.empty()) {
    out += "    " + printable(source_line) + "\n";
    out += "    " + std::string(col > 1 ? static_cast<size_t>(col - 1) : 0, ' ') + "^\n";
  }
  return out;
}

namespace {

bool read_file(const std::string& path, std::string& out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;  // a directory opens, but is no program
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
  std::error_code ec;
  if (std::filesystem::is_directory(path_or_name, ec)) {
    error = "'" + path_or_name + "' is a directory, not a .py file";
  } else {
    error = "cannot open '" + path_or_name + "': no such file or built-in scenario (see `loopscope list`)";
  }
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
