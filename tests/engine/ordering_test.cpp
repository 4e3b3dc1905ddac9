// The orderings of TRACE_FORMAT.md ("Orderings worth knowing"), each pinned
// with C++ coroutines against the expected transcript lines.
#include <gtest/gtest.h>

#include "engine/lib/gather.hpp"
#include "tests/engine/helpers.hpp"

namespace loopscope {
namespace {

using testing::grep;
using testing::lines;
using testing::say;

// asyncio.run makes the loop: the coroutine finds it in the world.
Co sleep_then_say(World& w) {
  EventLoop& loop = *w.running_loop;
  co_await sleep(loop, 1.0);
  say(loop, "woke");
}

TEST(Ordering, SleepWakeupTakesTwoIterations) {
  World w;
  asyncio_run(w, coroutine(sleep_then_say(w), "main"));
  auto ls = lines(w.trace);
  // The timer fires (resolving the future) in one iteration ...
  auto due = grep(ls, "~ due h#");
  ASSERT_EQ(due.size(), 1u);
  auto it_due = std::find(ls.begin(), ls.end(), due[0]);
  // ... and the task resumes in the next one.
  auto it_step = std::find_if(it_due, ls.end(), [](const std::string& l) {
    return l.find("~ step Task-1 <- sleep F#1 until=1.000000 result=None") != std::string::npos;
  });
  ASSERT_NE(it_step, ls.end());
  auto iters_between = std::count_if(it_due, it_step, [](const std::string& l) {
    return l.find("~ iter ") != std::string::npos;
  });
  EXPECT_EQ(iters_between, 1);
  EXPECT_EQ(grep(ls, "woke").at(0), "[1.000000] woke");
}

}  // namespace
}  // namespace loopscope
