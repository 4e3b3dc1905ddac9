// The Variables panel's recording (RunOptions::record_frames): a script
// task's frames and locals beside the trace, only when asked, never
// changing the transcript, and read back by the replay at any cursor.
#include <gtest/gtest.h>

#include "engine/replay/explain.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope {
namespace {

const char* kNested = R"PY(import asyncio

class Point:
    def __repr__(self):
        print("repr called")
        return "Point()"

async def helper(n):
    total = n * 2
    await asyncio.sleep(1)
    total += 1
    await asyncio.sleep(1)
    return total

async def fetch(name, n, *, tag="x"):
    label = name + "!"
    p = Point()
    long = "é" * 100
    r = await helper(n)
    return r

async def main():
    t = asyncio.create_task(fetch('a', 1))
    print(await t)

asyncio.run(main())
)PY";

ScenarioRun run(bool record) {
  RunOptions o;
  o.record_frames = record;
  return run_source("nested.py", kNested, o);
}

// The cursor just after the n-th (0-based) `wait` event of `task`.
size_t after_wait(const Replay& r, uint32_t task, int n) {
  for (size_t i = 0; i < r.size(); ++i) {
    Event e = r.trace()[i];
    if (e.kind == Ev::Wait && e.a == task && n-- == 0) return r.after(uint32_t(i));
  }
  ADD_FAILURE() << "no wait " << n;
  return 0;
}

std::string var(const FrameView& f, std::string_view name) {
  for (const FrameVar& v : f.vars) {
    if (v.name == name) return std::string(v.repr);
  }
  return "<none>";
}

TEST(Frames, RecordedOnlyWhenAskedAndTheTranscriptIsTheSame) {
  ScenarioRun plain = run(false), recorded = run(true);
  ASSERT_EQ(plain.exit_code, 0);
  EXPECT_TRUE(plain.world->trace.frames().empty());
  EXPECT_FALSE(recorded.world->trace.frames().empty());
  EXPECT_EQ(transcript(plain.world->trace, true), transcript(recorded.world->trace, true));
  // The user's __repr__ (which prints) never ran for the snapshot.
  EXPECT_EQ(transcript(recorded.world->trace, false).find("repr called"), std::string::npos);
}

TEST(Frames, EachSuspensionShowsTheChainWithItsLocalsAsTheyWere) {
  ScenarioRun r = run(true);
  Replay replay(r.world->trace);
  TaskFrames f;
  size_t first = after_wait(replay, 1, 0), second = after_wait(replay, 1, 1);
  ASSERT_TRUE(replay.frames_at(1, second, f));
  ASSERT_EQ(f.frames.size(), 2u);
  EXPECT_EQ(f.frames[0].function, "fetch");
  EXPECT_EQ(f.frames[0].line, 19u);
  EXPECT_EQ(f.frames[1].function, "helper");
  EXPECT_EQ(f.frames[1].line, 12u);
  EXPECT_EQ(var(f.frames[1], "total"), "3");
  // Stepping back: the values as they were at the first suspension.
  ASSERT_TRUE(replay.frames_at(1, first, f));
  EXPECT_EQ(f.frames[1].line, 10u);
  EXPECT_EQ(var(f.frames[1], "total"), "2");
  EXPECT_EQ(var(f.frames[0], "name"), "'a'");
  EXPECT_EQ(var(f.frames[0], "label"), "'a!'");
  EXPECT_EQ(var(f.frames[0], "tag"), "'x'");
  EXPECT_EQ(var(f.frames[0], "p"), "<Point object>");
  EXPECT_EQ(var(f.frames[0], "r"), "<none>");  // not bound yet
  // Cut to 60 code points and an ellipsis.
  EXPECT_EQ(var(f.frames[0], "long"), "'" + [] { std::string s; for (int i = 0; i < 59; ++i) s += "é"; return s; }() + "…");
}

TEST(Frames, ATaskIsNamedByItsCall) {
  ScenarioRun r = run(true);
  Replay replay(r.world->trace);
  EXPECT_EQ(replay.call_text(1), "fetch('a', 1, tag='x')");
  EXPECT_EQ(replay.call_text(0), "main()");
  EXPECT_EQ(task_label(replay, 1), "Task-2 fetch('a', 1, tag='x')");
  // Without the recording: the coroutine's name, as before.
  ScenarioRun p = run(false);
  Replay plain(p.world->trace);
  EXPECT_EQ(task_label(plain, 1), "Task-2 (fetch)");
}

TEST(Frames, BeforeItsFirstStepATaskHasNone) {
  ScenarioRun r = run(true);
  Replay replay(r.world->trace);
  TaskFrames f;
  EXPECT_FALSE(replay.frames_at(1, 0, f));
  ASSERT_TRUE(replay.frames_at(1, replay.size(), f));
  EXPECT_EQ(f.kind, FrameSnapshotKind::Finish);
  EXPECT_EQ(var(f.frames[0], "r"), "3");
}

TEST(Frames, TheGatherLessonsFetchesHoldTheirArguments) {
  RunOptions o;
  o.record_frames = true;
  ScenarioRun r = run_scenario("gather", o);
  ASSERT_EQ(r.exit_code, 0);
  Replay replay(r.world->trace);
  // one_by_one awaits fetch("b", 0.1) as its second wait (Task-1's chain).
  TaskFrames f;
  ASSERT_TRUE(replay.frames_at(0, after_wait(replay, 0, 1), f));
  ASSERT_EQ(f.frames.size(), 3u);
  EXPECT_EQ(f.frames[0].function, "main");
  EXPECT_EQ(f.frames[1].function, "one_by_one");
  EXPECT_EQ(var(f.frames[1], "a"), "'A'");
  EXPECT_EQ(f.frames[2].function, "fetch");
  EXPECT_EQ(var(f.frames[2], "name"), "'b'");
  EXPECT_EQ(var(f.frames[2], "delay"), "0.1");
  // The gathered tasks, named by their calls.
  EXPECT_EQ(replay.call_text(1), "fetch('a', 0.3)");
  EXPECT_EQ(replay.call_text(3), "fetch('c', 0.2)");
}

}  // namespace
}  // namespace loopscope
