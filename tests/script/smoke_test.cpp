#include <gtest/gtest.h>

#include "case_runner.hpp"

using loopscope::script::testing::run_source;

TEST(Smoke, PrintsHello) {
  auto r = run_source("t.py", "print('hello')\n");
  ASSERT_TRUE(r.compiled) << r.compile_errors;
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0], "hello");
}
