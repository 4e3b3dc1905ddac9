#include "engine/scenario/cpython_compare.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/scenario/scenario.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope {

namespace {

struct ProcessResult {
  bool started = false;
  int status = -1;  // exit status; -1 when killed by a signal; 127 when exec failed
  std::string out;
};

// Runs argv without a shell; captures stdout, discards stderr.
ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return r;
  }
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  r.started = true;
  close(fds[1]);
  char buf[65536];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> run_options_args(const RunOptions& o) {
  std::vector<std::string> a;
  a.push_back("--max-iters=" + std::to_string(o.max_iters));
  std::ostringstream t;
  t << o.max_time;
  a.push_back("--max-time=" + t.str());
  if (o.heap_ties) a.push_back("--heap-ties");
  return a;
}

// A built-in lesson has no file of its own: python3 gets a copy of its
// source in a temporary directory, removed when this goes away.
struct OracleInput {
  std::string path;
  std::filesystem::path temp_dir;
  ~OracleInput() {
    std::error_code ec;
    if (!temp_dir.empty()) std::filesystem::remove_all(temp_dir, ec);
  }
};

bool prepare_input(const std::string& path_or_name, OracleInput& in) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path_or_name, ec)) {
    in.path = path_or_name;
    return true;
  }
  const BuiltinScenario* b = find_builtin(path_or_name);
  if (!b) return false;
  std::string tmpl = (std::filesystem::temp_directory_path(ec) / "loopscope-compare-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) return false;
  in.temp_dir = buf.data();
  in.path = (in.temp_dir / (b->name + ".py")).string();
  std::ofstream out(in.path, std::ios::binary);
  out << b->source;
  return bool(out);
}

}  // namespace

Difference first_difference(const std::string& ours, const std::string& theirs, size_t context) {
  Difference d;
  auto a = split_lines(ours), b = split_lines(theirs);
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  if (i == n && a.size() == b.size()) return d;
  d.found = true;
  d.line = i + 1;
  size_t from = i >= context ? i - context : 0;
  for (size_t k = from; k < i; ++k) d.context.push_back("  " + a[k]);
  d.ours = i < a.size() ? a[i] : "(end of transcript)";
  d.theirs = i < b.size() ? b[i] : "(end of transcript)";
  return d;
}

std::string find_cpython_oracle(const std::string& given, const std::string& source_dir) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("LOOPSCOPE_ORACLE"); env && *env) return env;
  return source_dir + "/tests/conformance/cpython_oracle.py";
}

CpythonComparison compare_with_cpython(const std::string& path, const RunOptions& options,
                                       const std::string& oracle) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(oracle, ec)) return compare_run_with_cpython(ScenarioRun{}, path, options, oracle);
  ScenarioRun r;
  try {
    r = run_scenario(path, options);
  } catch (const std::exception& e) {
    CpythonComparison c;
    c.outcome = CpythonComparison::Outcome::CompileError;
    c.message = "Could not run " + path + ": " + e.what();
    return c;
  }
  return compare_run_with_cpython(r, path, options, oracle);
}

CpythonComparison compare_run_with_cpython(const ScenarioRun& r, const std::string& path, const RunOptions& options,
                                           const std::string& oracle) {
  CpythonComparison c;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(oracle, ec)) {
    c.outcome = CpythonComparison::Outcome::OracleMissing;
    c.message = "The CPython oracle was not found at " + oracle +
                " (pass --oracle PATH or set LOOPSCOPE_ORACLE to tests/conformance/cpython_oracle.py).";
    return c;
  }
  if (!r.world || (r.exit_code == 2 && !r.errors.empty())) {
    c.outcome = CpythonComparison::Outcome::CompileError;
    for (const Diagnostic& d : r.errors) c.errors.push_back(d.format());
    c.message = "Could not compile " + path + ", so there is nothing to compare.";
    return c;
  }
  OracleInput input;
  if (!prepare_input(path, input)) {
    c.outcome = CpythonComparison::Outcome::PythonFailed;
    c.message = "Could not hand " + path + " to python3 (no such file, and no built-in lesson of that name).";
    return c;
  }
  for (bool events : {false, true}) {
    std::vector<std::string> argv = {"python3", oracle, input.path};
    if (events) argv.push_back("--trace");
    for (auto& a : run_options_args(options)) argv.push_back(a);
    ProcessResult py = run_process(argv);
    if (!py.started || py.status < 0 || py.status == 127) {
      c.outcome = CpythonComparison::Outcome::PythonFailed;
      c.message = "Could not run python3 " + oracle + ": is python3 (3.11) installed and on PATH?";
      return c;
    }
    std::string ours = transcript(r.world->trace, events);
    c.level = events ? "--trace" : "plain";
    c.exit_here = r.exit_code;
    c.exit_cpython = py.status;
    c.difference = first_difference(ours, py.out, 3);
    if (c.difference.found) {
      c.outcome = CpythonComparison::Outcome::Different;
      c.message = "Different (" + c.level + "): the transcripts part at line " + std::to_string(c.difference.line) + ".";
      return c;
    }
    if (py.status != r.exit_code) {
      c.outcome = CpythonComparison::Outcome::Different;
      c.message = "Different (" + c.level + "): exit status " + std::to_string(r.exit_code) + " here, " +
                  std::to_string(py.status) + " under CPython.";
      return c;
    }
    (events ? c.trace_lines : c.plain_lines) = split_lines(ours).size();
  }
  c.outcome = CpythonComparison::Outcome::Identical;
  c.message = "Identical: the plain and --trace transcripts match CPython's line for line (" + std::to_string(c.plain_lines) +
              " lines plain, " + std::to_string(c.trace_lines) + " with --trace).";
  return c;
}

}  // namespace loopscope
