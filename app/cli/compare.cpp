// `loopscope compare FILE.py`: the same file run here and under CPython's
// real asyncio (tests/conformance/cpython_oracle.py), transcripts compared
// at both levels; the first difference is shown with context.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/compare.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/trace/printer.hpp"

#ifndef LOOPSCOPE_SOURCE_DIR
#define LOOPSCOPE_SOURCE_DIR "."
#endif

namespace loopscope::cli {

namespace {

struct ProcessResult {
  int status = -1;
  std::string out;
};

// Runs argv without a shell; captures stdout.
ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  pid_t pid = fork();
  if (pid < 0) return r;
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

std::string find_oracle(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("LOOPSCOPE_ORACLE")) return env;
  return std::string(LOOPSCOPE_SOURCE_DIR) + "/tests/conformance/cpython_oracle.py";
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

int cmd_compare(const std::string& file, const RunOptions& options, const std::string& oracle_arg) {
  std::string oracle = find_oracle(oracle_arg);
  if (!std::filesystem::exists(oracle)) {
    std::cerr << "loopscope: error: CPython oracle not found at " << oracle
              << " (pass --oracle PATH or set LOOPSCOPE_ORACLE)\n";
    return 2;
  }
  ScenarioRun r = run_scenario(file, options);
  if (r.exit_code == 2 && !r.errors.empty()) {
    for (const Diagnostic& d : r.errors) std::cerr << d.format();
    return 2;
  }
  // A built-in lesson has no file on disk: the oracle gets a copy.
  std::string program = file;
  std::filesystem::path tmp_dir;
  if (!std::filesystem::exists(file)) {
    char tmpl[] = "/tmp/loopscope-compare-XXXXXX";
    if (!mkdtemp(tmpl)) {
      std::cerr << "loopscope: error: cannot create a temporary directory\n";
      return 2;
    }
    tmp_dir = tmpl;
    program = (tmp_dir / (r.name + ".py")).string();
    std::ofstream(program, std::ios::binary) << r.source;
  }
  struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
  } cleanup{tmp_dir};
  bool same = true;
  for (bool events : {false, true}) {
    std::vector<std::string> argv = {"python3", oracle, program};
    if (events) argv.push_back("--trace");
    for (auto& a : run_options_args(options)) argv.push_back(a);
    ProcessResult py = run_process(argv);
    if (py.status < 0 || py.status == 127) {
      std::cerr << "loopscope: error: could not run python3 " << oracle << "\n";
      return 2;
    }
    std::string ours = transcript(r.world->trace, events);
    const char* level = events ? "--trace" : "plain";
    Difference d = first_difference(ours, py.out, 3);
    if (d.found) {
      same = false;
      std::cout << "DIFFERENT (" << level << "): first difference at line " << d.line << "\n";
      for (const auto& c : d.context) std::cout << c << "\n";
      std::cout << "- loopscope: " << d.ours << "\n+ cpython:   " << d.theirs << "\n";
    } else if (py.status != r.exit_code) {
      same = false;
      std::cout << "DIFFERENT (" << level << "): exit status " << r.exit_code << " here, " << py.status
                << " under CPython\n";
    } else {
      std::cout << "identical (" << level << "): " << split_lines(ours).size() << " lines\n";
    }
    if (!same) break;
  }
  return same ? 0 : 1;
}

}  // namespace loopscope::cli
