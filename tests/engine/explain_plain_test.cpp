// Plain words: the Explain text in a first lesson's vocabulary, tasks
// named by what they run, no handle or future numbers unless asked for.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "engine/replay/explain.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope {
namespace {

struct Observed {
  ScenarioRun run;
  std::unique_ptr<Replay> replay;
  explicit Observed(const std::string& name) : run(run_scenario(name)), replay(std::make_unique<Replay>(run.world->trace)) {}
  // The first event whose transcript text starts with `prefix`.
  size_t find(const std::string& prefix) const {
    for (size_t i = 0; i < replay->size(); ++i) {
      if (event_text(*replay, i).rfind(prefix, 0) == 0) return i;
    }
    ADD_FAILURE() << "no event " << prefix;
    return 0;
  }
  std::string plain(const std::string& prefix) const { return explain_event(*replay, find(prefix)); }
};

TEST(PlainWords, ASleepSaysUntilWhenAndWhere) {
  Observed r("sleep");
  EXPECT_EQ(r.plain("wait Task-2 on sleep"),
            "Task-2 (nap) sleeps until 1 s (line 24): asyncio.sleep(1) sets a timer and gives the loop back.");
}

TEST(PlainWords, ATimerFiringNamesTheTaskItWakes) {
  Observed r("sleep");
  EXPECT_EQ(r.plain("due h#"), "The timer for Task-2 (nap)'s sleep fires; Task-2 will resume next.");
  EXPECT_EQ(r.plain("run h#4"), "The sleep of Task-2 (nap) is over: it is woken, and resumes at the loop's next turn.");
  EXPECT_EQ(r.plain("step Task-2 <- sleep"), "Task-2 (nap) wakes up: its sleep is over.");
}

TEST(PlainWords, AFutureCompletedWithCallSoonIsNotCalledASleep) {
  // The waiter of a connection being made is completed by
  // _set_result_unless_cancelled from call_soon, as a sleep's is from a timer.
  Observed r("19_blocking_requests");
  size_t found = 0;
  for (size_t i = 0; i < r.replay->size(); ++i) {
    const Event e = r.replay->trace()[i];
    if (e.kind != Ev::Run || event_text(*r.replay, i).find(" _set_result_unless_cancelled(") == std::string::npos) continue;
    uint32_t made = r.replay->handle_created(e.a);
    if (made == UINT32_MAX || r.replay->trace()[made].kind != Ev::Soon) continue;
    found = i;
    break;
  }
  ASSERT_GT(found, 0u) << "no call_soon'd _set_result_unless_cancelled in the run";
  std::string said = explain_event(*r.replay, found);
  EXPECT_EQ(said.rfind("What Task-", 0), 0u) << said;
  EXPECT_NE(said.find(" waits for is ready: it is woken"), std::string::npos) << said;
  EXPECT_EQ(said.find("sleep"), std::string::npos) << said;
}

TEST(PlainWords, AResultHandedToTheLoopNamesTheTaskItWakes) {
  std::string path = ::testing::TempDir() + "/handed_result.py";
  std::ofstream(path) << "import asyncio\n\n\nasync def main():\n    loop = asyncio.get_running_loop()\n"
                         "    fut = loop.create_future()\n    loop.call_soon(fut.set_result, 42)\n    print(await fut)\n\n"
                         "asyncio.run(main())\n";
  Observed r(path);
  EXPECT_EQ(r.plain("run h#2 F#1.set_result(42)"),
            "The result Task-1 (main) waits for is handed to it: it resumes at the loop's next turn.");
}

TEST(PlainWords, AThreadsResultSaysTheThreadFinished) {
  std::string path = ::testing::TempDir() + "/thread_result.py";
  std::ofstream(path) << "import asyncio\nimport time\n\n\nasync def main():\n"
                         "    print(await asyncio.to_thread(time.sleep, 0.5))\n\nasyncio.run(main())\n";
  Observed r(path);
  EXPECT_EQ(r.plain("block time.sleep"),
            "Worker thread asyncio_0 calls time.sleep(0.5): it waits in that thread until 0.5 s, and the loop is not "
            "blocked: it goes on running tasks.");
  // The loop's clock does not jump to the thread's wake-up time, and the
  // loop is not shown blocked.
  size_t block = r.find("block time.sleep");
  ReplayState st = r.replay->state_at(block + 1);
  EXPECT_FALSE(st.blocked);
  EXPECT_DOUBLE_EQ(st.now, 0.0);
  EXPECT_TRUE(r.replay->blocks().empty());
  size_t i = r.find("resolve F#");  // the first future resolved is the thread's
  std::string before = explain_event(*r.replay, i - 1);
  EXPECT_EQ(before.rfind("A worker thread has finished its job: the loop takes its result", 0), 0u) << before;
}

// A deadline reads the same in the timer heap (from the timer's own time)
// and in the Tasks table (from the six decimals the wait's text carries).
TEST(PlainWords, ATimeReadsTheSameFromItsValueAndFromItsText) {
  double when = 0.4455 - 1e-12;  // printf("%.3f") of it alone says 0.445
  char six[32];
  std::snprintf(six, sizeof six, "%.6f", when);
  EXPECT_STREQ(six, "0.445500");
  EXPECT_EQ(clock_text(when), "0.446");
  EXPECT_EQ(describe_await(std::string("sleep F#1 until=") + six), "asyncio.sleep until t=" + clock_text(when));
  EXPECT_EQ(clock_text(17702.0), "17702.000");
}

TEST(PlainWords, ALateTimerSaysHowLate) {
  Observed r("blocking_sleep");
  EXPECT_EQ(r.plain("due h#"),
            "The timer for Task-2 (ticker)'s sleep fires; Task-2 will resume next. It was due at 0.5 s: 1.5 s late.");
  EXPECT_EQ(r.plain("block time.sleep"),
            "Task-3 (blocker) calls time.sleep(2), which blocks: the whole loop stops, nothing else can run, "
            "and the clock moves to 2 s.");
}

TEST(PlainWords, NewTasksAndTheirFirstStep) {
  Observed r("create_task");
  EXPECT_EQ(r.plain("task+ Task-2"),
            "Task-1 (main) creates Task-2 (worker). It does not run yet: it starts at the loop's next turn.");
  EXPECT_EQ(r.plain("step Task-2 start"), "Task-2 (worker) starts: it runs from the top until its first await.");
}

TEST(PlainWords, NoSentenceNamesAHandleOrAFutureButTheInternalsDo) {
  for (const BuiltinScenario& b : builtin_scenarios()) {
    if (b.name.find("coroutines_vs_threads") != std::string::npos) continue;  // 3 million events: too slow here
    Observed r(b.name);
    bool internals_name_handles = false;
    for (size_t i = 0; i < r.replay->size(); ++i) {
      if (r.replay->trace()[i].kind == Ev::Ext) continue;
      std::string plain = explain_event(*r.replay, i);
      EXPECT_FALSE(plain.empty()) << b.name << " event " << i;
      EXPECT_EQ(plain.find("h#"), std::string::npos) << b.name << ": " << plain;
      EXPECT_EQ(plain.find("F#"), std::string::npos) << b.name << ": " << plain;
      EXPECT_EQ(plain.find("_run_until_complete_cb"), std::string::npos) << b.name << ": " << plain;
      internals_name_handles |= explain_event(*r.replay, i, ExplainLevel::Internals).find("h#") != std::string::npos;
    }
    EXPECT_TRUE(internals_name_handles) << b.name;
  }
}

TEST(PlainWords, TheShutdownIsOneGroupAfterMainReturns) {
  Observed r("asyncio_run");
  size_t end = r.find("run_until_complete end");
  EXPECT_EQ(r.replay->shutdown_start(), end + 1);
  EXPECT_EQ(explain_event(*r.replay, end), "The loop stops: what it ran for is done.");
  std::string cancel = r.plain("cancel Task-2");
  EXPECT_EQ(cancel.rfind("asyncio.run shuts down: ", 0), 0u) << cancel;
  EXPECT_NE(cancel.find("Task-2 (background)"), std::string::npos) << cancel;
  EXPECT_EQ(explain_event(*r.replay, r.replay->size() - 1), "The event loop is closed: the program is over.");
}

TEST(PlainWords, ARunWithoutAsyncioRunHasNoShutdown) {
  ScenarioRun run = run_source("x.py", "print('hi')\n");
  Replay r(run.world->trace);
  EXPECT_EQ(r.shutdown_start(), r.size());
}

}  // namespace
}  // namespace loopscope
