#include "engine/script/vm/interp.hpp"

#include <gtest/gtest.h>

#include "case_runner.hpp"
#include "engine/loop/world.hpp"
#include "engine/script/script.hpp"

using loopscope::script::testing::run_source;

namespace {
std::vector<std::string> output(const std::string& src) {
  auto r = run_source("t.py", src);
  EXPECT_TRUE(r.compiled) << r.compile_errors;
  return r.lines;
}
}  // namespace

TEST(VM, IntegerOverflowBecomesABigIntAndBackAgain) {
  auto r = run_source("t.py",
                      "x = 9223372036854775807\ny = x + 1\nprint(y, y - 1 == x, hash(y) == hash(2 ** 63), {y - 1: 1}[x])\n");
  EXPECT_EQ(r.status, 0);
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "9223372036854775808 True True 1");
}

TEST(VM, UncaughtExceptionGivesTracebackAndStatusOne) {
  auto r = run_source("t.py", "def f():\n    raise KeyError('k')\nf()\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.lines.back(), "! traceback KeyError: 'k'");
  EXPECT_NE(r.traceback.find("line 2, in f"), std::string::npos);
  EXPECT_NE(r.traceback.find("line 3, in <module>"), std::string::npos);
}

TEST(VM, CancelledErrorIsModuleQualifiedInTheTracebackLine) {
  auto r = run_source("t.py",
                      "import asyncio\n"
                      "async def main():\n"
                      "    asyncio.current_task().cancel()\n"
                      "    await asyncio.sleep(1)\n"
                      "asyncio.run(main())\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.lines.back(), "! traceback asyncio.exceptions.CancelledError");
}

TEST(VM, PartialLastLineIsFlushedAtExit) {
  auto lines = output("print('a', end='')\nprint('b', end='')\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "ab");
}

TEST(VM, StderrWritesBecomeStderrLines) {
  auto lines = output("import sys\nprint('oops', file=sys.stderr)\nsys.stderr.write('x\\n')\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "! stderr oops");
  EXPECT_EQ(lines[1], "! stderr x");
}

TEST(VM, TimeSleepAdvancesTheVirtualClockOutsideTheLoop) {
  auto lines = output("import time\ntime.sleep(2.5)\nprint(time.time())\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "2.5");
}

TEST(VM, NeverAwaitedCoroutineWarnsWhenDropped) {
  auto lines = output("async def f():\n    pass\nf()\nprint('after')\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "! warning RuntimeWarning: coroutine 'f' was never awaited");
  EXPECT_EQ(lines[1], "after");
}

TEST(VM, SuspendedTaskRecordsItsAwaitChain) {
  auto c = loopscope::script::compile_source(
      "t.py", "import asyncio\nasync def inner():\n    await asyncio.sleep(1)\nasync def main():\n    await inner()\nasyncio.run(main())\n");
  ASSERT_TRUE(c.ok);
  loopscope::World world;
  loopscope::script::run_program(world, *c.program);
  const auto& t = world.trace;
  bool found = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != loopscope::Ev::Wait || t[i].c == 0) continue;
    const uint32_t* w = t.pool_at(t[i].c);
    // words: innermost line, depth, then (function, line) outermost first
    if (w[1] >= 2 && t.string(w[2]) == "main" && w[3] == 5 && t.string(w[4]) == "inner" && w[5] == 3) found = true;
  }
  EXPECT_TRUE(found);
}

TEST(VM, ExitStatusOfSysExit) {
  auto r = run_source("t.py", "import sys\nsys.exit(3)\n");
  EXPECT_EQ(r.status, 3);
}

TEST(VM, WithoutTheFileSystemOptionFilesAreRefused) {
  loopscope::RunOptions opts;
  opts.file_system = false;
  auto r = run_source("t.py",
                      "import os, shutil, tempfile\n"
                      "for f in [lambda: open('x.txt', 'w'), lambda: os.listdir('.'), lambda: os.remove('x'),\n"
                      "          lambda: os.makedirs('a/b'), lambda: shutil.rmtree('a'), tempfile.mkdtemp]:\n"
                      "    try:\n"
                      "        f()\n"
                      "    except PermissionError as e:\n"
                      "        print(e)\n"
                      "print(os.path.join('a', 'b'), b'ok'.decode())\n",
                      &opts);
  std::vector<std::string> want = {"[Errno 1] Operation not permitted: 'x.txt'", "[Errno 1] Operation not permitted: '.'",
                                   "[Errno 1] Operation not permitted: 'x'", "[Errno 1] Operation not permitted: 'a/b'",
                                   "[Errno 1] Operation not permitted: 'a'", "[Errno 1] Operation not permitted", "a/b ok"};
  EXPECT_EQ(r.lines, want);
}
