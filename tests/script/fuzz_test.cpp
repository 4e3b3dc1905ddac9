// Any bytes fed to the compiler give diagnostics, never a crash or a hang:
// truncated and garbled versions of every case script.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/script/script.hpp"

namespace fs = std::filesystem;
using namespace loopscope::script;

namespace {
std::vector<std::string> sources() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(LOOPSCOPE_SCRIPT_CASES)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}
}  // namespace

// Every 7th cut (every 29th under the sanitizer, which is ~10x slower).
#ifdef LOOPSCOPE_SANITIZED
constexpr size_t kCutStride = 29;
#else
constexpr size_t kCutStride = 7;
#endif

TEST(Fuzz, TruncatedScriptsCompileOrReportErrors) {
  for (const std::string& src : sources()) {
    for (size_t n = 0; n < src.size(); n += kCutStride) {
      CompileResult r = compile_source("f.py", src.substr(0, n));
      if (!r.ok) {
        EXPECT_FALSE(r.errors.empty());
      }
      (void)r.formatted();
    }
  }
}

TEST(Fuzz, GarbledScriptsCompileOrReportErrors) {
  uint32_t state = 12345;
  auto rnd = [&]() {
    state = state * 1103515245u + 12345u;
    return state >> 16;
  };
  const std::string junk = "()[]{}:;,.=+-*/%<>!@#$\\'\"\n\t \x01\xff\xc3" "async await def class if else yield";
  for (const std::string& src : sources()) {
    for (int round = 0; round < 60; ++round) {
      std::string s = src;
      int edits = 1 + static_cast<int>(rnd() % 8);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t at = rnd() % s.size();
        switch (rnd() % 3) {
          case 0: s[at] = junk[rnd() % junk.size()]; break;
          case 1: s.erase(at, 1 + rnd() % 5); break;
          default: s.insert(at, 1, junk[rnd() % junk.size()]);
        }
      }
      CompileResult r = compile_source("f.py", s);
      if (!r.ok) {
        EXPECT_FALSE(r.errors.empty());
      }
      (void)r.formatted();
    }
  }
}

TEST(Fuzz, DeeplyNestedExpressionIsRefusedNotACrash) {
  std::string s = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  CompileResult r = compile_source("f.py", s);
  EXPECT_FALSE(r.ok);
  std::string u = "x = " + std::string(5000, '-') + "1\n";
  EXPECT_FALSE(compile_source("f.py", u).ok);
}
