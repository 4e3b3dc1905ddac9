// The random module must give CPython's numbers for the same integer seed.
// Every expected value here was printed by python3 3.11.7.

#include <gtest/gtest.h>

#include "case_runner.hpp"
#include "engine/script/modules/mt19937.hpp"

using loopscope::script::MersenneTwister;
using loopscope::script::testing::run_source;

TEST(Random, SeededRandomMatchesCPython) {
  MersenneTwister mt;
  mt.seed(42);
  EXPECT_EQ(mt.random(), 0.6394267984578837);
  EXPECT_EQ(mt.random(), 0.025010755222666936);
  EXPECT_EQ(mt.random(), 0.27502931836911926);
}

TEST(Random, NegativeSeedUsesItsAbsoluteValue) {
  MersenneTwister mt;
  mt.seed(-3);
  EXPECT_EQ(mt.random(), 0.23796462709189137);
}

TEST(Random, GetrandbitsOverThirtyTwoBitsAssemblesWordsLittleEndian) {
  MersenneTwister mt;
  mt.seed(0);
  EXPECT_EQ(mt.getrandbits(40), 424533559245u);
}

TEST(Random, ModuleFunctionsMatchCPython) {
  auto r = run_source("r.py",
                      "import random\n"
                      "random.seed(42); print([random.randint(1,100) for _ in range(5)])\n"
                      "random.seed(2**40+5); print(random.random(), random.randrange(0, 1000, 7), random.uniform(1.5, 2.5))\n"
                      "random.seed(7); l=list(range(10)); random.shuffle(l)\n"
                      "print(l, random.choice('abcdef'), random.sample(range(100), 5), random.sample(range(10),3))\n"
                      "random.seed(0); print(random.getrandbits(40), random.randrange(10), random.randrange(-5, 5), random.randrange(10, 0, -3))\n"
                      "random.seed(1); print(random.sample(range(1000), 30)[:6])\n");
  ASSERT_TRUE(r.compiled) << r.compile_errors;
  ASSERT_EQ(r.lines.size(), 5u) << r.traceback;
  EXPECT_EQ(r.lines[0], "[82, 15, 4, 95, 36]");
  EXPECT_EQ(r.lines[1], "0.5043802970418443 476 2.163798279507358");
  EXPECT_EQ(r.lines[2], "[8, 3, 1, 4, 7, 0, 9, 6, 2, 5] e [27, 4, 11, 55, 53] [1, 3, 9]");
  EXPECT_EQ(r.lines[3], "424533559245 6 -5 4");
  EXPECT_EQ(r.lines[4], "[137, 582, 867, 821, 782, 64]");
}
