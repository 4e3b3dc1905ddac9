// Runs every script in cases/ and checks the expectations its comments
// carry:
//   # expect: <line>         the run's output and `! ...` lines, in order
//                            (`! traceback` and `! limit` lines excepted)
//   # expect error: <text>   a compile error, traceback or limit line contains it
//   # max-instructions: <n>  the blocked-loop limit for this run (as the
//                            `--max-instructions` flag sets it)
//   # expect traceback: <text> the uncaught exception's full traceback contains it

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "case_runner.hpp"
#include "engine/loop/world.hpp"

namespace {

namespace fs = std::filesystem;
using loopscope::script::testing::CaseRun;
using loopscope::script::testing::run_source;

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(LOOPSCOPE_SCRIPT_CASES)) {
    if (e.path().extension() == ".py") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ScriptCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ScriptCase, RunsAsItsCommentsExpect) {
  std::string source = read(std::string(LOOPSCOPE_SCRIPT_CASES) + "/" + GetParam());
  std::vector<std::string> expect_lines, expect_errors, expect_traceback;
  std::istringstream lines(source);
  std::string line;
  loopscope::RunOptions options;
  while (std::getline(lines, line)) {
    if (line.rfind("# max-instructions: ", 0) == 0) options.instruction_budget = std::stoull(line.substr(20));
    size_t p = line.find("# expect: ");
    if (p != std::string::npos) expect_lines.push_back(line.substr(p + 10));
    p = line.find("# expect error: ");
    if (p != std::string::npos) expect_errors.push_back(line.substr(p + 16));
    p = line.find("# expect traceback: ");
    if (p != std::string::npos) expect_traceback.push_back(line.substr(p + 20));
  }
  CaseRun r = run_source(GetParam(), source, &options);
  std::vector<std::string> got, errors;
  for (const std::string& l : r.lines) {
    if (l.rfind("! traceback ", 0) == 0 || l.rfind("! limit ", 0) == 0) errors.push_back(l);
    else got.push_back(l);
  }
  if (!r.compiled) errors.push_back(r.compile_errors);
  for (const std::string& e : expect_errors) {
    bool found = std::any_of(errors.begin(), errors.end(), [&](const std::string& x) { return x.find(e) != std::string::npos; });
    EXPECT_TRUE(found) << "expected error: " << e << "\ngot:\n" << (errors.empty() ? "(none)" : errors[0]) << r.traceback;
  }
  for (const std::string& e : expect_traceback) {
    EXPECT_NE(r.traceback.find(e), std::string::npos) << "expected in the traceback: " << e << "\ngot:\n" << r.traceback;
  }
  if (expect_errors.empty()) {
    EXPECT_TRUE(r.compiled) << r.compile_errors;
    EXPECT_TRUE(errors.empty()) << errors[0] << "\n" << r.traceback;
  }
  EXPECT_EQ(got, expect_lines);
}

INSTANTIATE_TEST_SUITE_P(Cases, ScriptCase, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param.substr(0, info.param.size() - 3);
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
