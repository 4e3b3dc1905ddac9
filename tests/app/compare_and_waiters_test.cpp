// The Compare with CPython command (its verdicts, and that a missing
// oracle or python3 is a message, not a crash) and what the event-loop
// view says about the objects tasks wait on.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "app/gui/compare_view.hpp"
#include "app/gui/session.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {
namespace {

CpythonComparison wait_for_result(CompareView& v) {
  for (int i = 0; i < 600 && !poll_compare(v); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(v.result != nullptr);
  return v.result ? *v.result : CpythonComparison{};
}

bool has_python3() { return std::system("python3 -c pass >/dev/null 2>&1") == 0; }

TEST(FirstDifference, FindsTheFirstLineThatDiffersWithContext) {
  Difference d = first_difference("a\nb\nc\nd\n", "a\nb\nc\nX\n", 2);
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.line, 4u);
  EXPECT_EQ(d.context, (std::vector<std::string>{"  b", "  c"}));
  EXPECT_EQ(d.ours, "d");
  EXPECT_EQ(d.theirs, "X");
  EXPECT_FALSE(first_difference("a\nb\n", "a\nb\n", 3).found);
  Difference shorter = first_difference("a\n", "a\nb\n", 3);
  EXPECT_EQ(shorter.ours, "(end of transcript)");
}

TEST(CompareWithCpython, AMissingOracleIsAClearMessage) {
  Session s;
  ASSERT_TRUE(s.load("demo"));
  CompareView v;
  start_compare(v, s.run, s.target, 0.0, "/nonexistent/cpython_oracle.py");
  EXPECT_TRUE(v.open);
  CpythonComparison c = wait_for_result(v);
  EXPECT_EQ(c.outcome, CpythonComparison::Outcome::OracleMissing);
  EXPECT_NE(c.message.find("/nonexistent/cpython_oracle.py"), std::string::npos) << c.message;
}

TEST(CompareWithCpython, AnOracleThatPrintsSomethingElseGivesTheFirstDifference) {
  if (!has_python3()) GTEST_SKIP() << "python3 is not installed";
  std::string fake = ::testing::TempDir() + "fake_oracle.py";
  std::ofstream(fake) << "print('[0.000000] something else')\n";
  Session s;
  ASSERT_TRUE(s.load("gather"));
  CompareView v;
  start_compare(v, s.run, s.target, 0.0, fake);
  CpythonComparison c = wait_for_result(v);
  EXPECT_EQ(c.outcome, CpythonComparison::Outcome::Different);
  EXPECT_EQ(c.level, "plain");
  EXPECT_EQ(c.difference.line, 1u);
  EXPECT_EQ(c.difference.theirs, "[0.000000] something else");
}

TEST(CompareWithCpython, ABuiltInLessonIsIdenticalUnderTheRealOracle) {
  if (!has_python3()) GTEST_SKIP() << "python3 is not installed";
  Session s;
  ASSERT_TRUE(s.load("gather"));
  CompareView v;
  start_compare(v, s.run, s.target, 0.0, LOOPSCOPE_TEST_ORACLE);
  CpythonComparison c = wait_for_result(v);
  if (c.outcome == CpythonComparison::Outcome::PythonFailed) GTEST_SKIP() << c.message;
  EXPECT_EQ(c.outcome, CpythonComparison::Outcome::Identical) << c.message << "\n- " << c.difference.ours
                                                              << "\n+ " << c.difference.theirs;
}

size_t after_first(const Session& s, const std::string& needle) {
  const Replay& r = *s.replay;
  for (size_t i = 0; i < r.size(); ++i) {
    if (event_text(r, i).find(needle) != std::string::npos) return r.after(uint32_t(i));
  }
  return r.size();
}

const WaitGroup* group_titled(const std::vector<WaitGroup>& groups, const std::string& title) {
  for (const WaitGroup& g : groups) {
    if (g.title == title) return &g;
  }
  return nullptr;
}

TEST(WaitGroups, ALockNamesItsHolderEvenWhenItWasTakenWithoutWaiting) {
  Session s;
  ASSERT_TRUE(s.load("lock")) << s.load_error;
  // B and C wait; A took the lock without waiting (no event of its own,
  // but the lock's note says so).
  s.seek(after_first(s, "wait Task-4 on Lock#1.acquire"));
  std::vector<WaitGroup> groups = wait_groups(s);
  const WaitGroup* lock = group_titled(groups, "Lock#1");
  ASSERT_NE(lock, nullptr);
  EXPECT_EQ(lock->tasks.size(), 2u);
  ASSERT_FALSE(lock->facts.empty());
  EXPECT_EQ(lock->facts[0], "held by Task-2");
  // B is woken and takes it: while C waits, B holds it.
  s.seek(after_first(s, "step Task-3 <- Lock#1.acquire"));
  groups = wait_groups(s);
  lock = group_titled(groups, "Lock#1");
  ASSERT_NE(lock, nullptr);
  ASSERT_FALSE(lock->facts.empty());
  EXPECT_EQ(lock->facts[0], "held by Task-3");
}

TEST(WaitGroups, AQueueSaysItsGettersWaitOnAnEmptyQueue) {
  Session s;
  ASSERT_TRUE(s.load("queue")) << s.load_error;
  s.seek(after_first(s, ".get F#"));
  std::vector<WaitGroup> groups = wait_groups(s);
  const WaitGroup* q = group_titled(groups, "Queue#1");
  ASSERT_NE(q, nullptr);
  ASSERT_GE(q->facts.size(), 2u);
  // Its items so far (none: the getter waits), then why the getter waits.
  EXPECT_EQ(q->facts[0], "holds 0 items");
  EXPECT_NE(q->facts[1].find("empty for its getters"), std::string::npos) << q->facts[1];
}

}  // namespace
}  // namespace loopscope::gui
