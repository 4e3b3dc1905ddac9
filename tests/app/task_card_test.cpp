// The Variables tab's model (task_card.hpp): a task named by its call, its
// locals at chosen steps as the program held them, why it is not running
// as a chain to the root cause, and the jumps to when it ran and runs next.
#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/panels.hpp"
#include "app/gui/task_card.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {
namespace {

namespace fs = std::filesystem;

// A scenario file written to the temporary directory and loaded.
struct Loaded {
  Session s;
  explicit Loaded(const std::string& name, const std::string& text) {
    fs::path p = fs::temp_directory_path() / ("loopscope-card-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p) << text;
    EXPECT_TRUE(s.load(p.string())) << s.load_error;
    fs::remove(p);
  }
  // Moves to just after the n-th (0-based) event of `kind` of `task`.
  void at(Ev kind, uint32_t task, int n = 0) {
    const Trace& t = s.trace();
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind == kind && t[i].a == task && n-- == 0) {
        s.seek(s.replay->after(uint32_t(i)));
        return;
      }
    }
    ADD_FAILURE() << "no such event";
  }
  std::string why(uint32_t task) const {
    std::string all;
    for (const std::string& l : why_not_running(s, task)) all += l + "\n";
    return all;
  }
};

std::string var(const TaskCard& c, size_t frame, std::string_view name) {
  if (frame >= c.frames.frames.size()) return "<no frame>";
  for (const FrameVar& v : c.frames.frames[frame].vars) {
    if (v.name == name) return std::string(v.repr);
  }
  return "<none>";
}

const char* kCounter = R"PY(import asyncio

async def count(name, n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(1)
    return total

async def main():
    await asyncio.gather(count("a", 3), count("b", 2))

asyncio.run(main())
)PY";

TEST(TaskCard, LocalsAtChosenStepsAreThoseTheProgramHeld) {
  Loaded l("counter.py", kCounter);
  // Task-2 count("a", 3) after its second sleep began: i = 1, total = 0 + 1.
  l.at(Ev::Wait, 1, 1);
  TaskCard c = task_card(l.s, 1);
  ASSERT_TRUE(c.recorded);
  EXPECT_EQ(c.title, "Task-2 count('a', 3)");
  EXPECT_EQ(c.stack, "count");
  EXPECT_EQ(c.frames.frames[0].line, 7u);
  EXPECT_EQ(var(c, 0, "i"), "1");
  EXPECT_EQ(var(c, 0, "total"), "1");
  // One wait later: i = 2, total = 3.
  l.at(Ev::Wait, 1, 2);
  c = task_card(l.s, 1);
  EXPECT_EQ(var(c, 0, "i"), "2");
  EXPECT_EQ(var(c, 0, "total"), "3");
  // Back to the first wait: as they were then.
  l.at(Ev::Wait, 1, 0);
  c = task_card(l.s, 1);
  EXPECT_EQ(var(c, 0, "i"), "0");
  EXPECT_EQ(var(c, 0, "total"), "0");
  EXPECT_NE(c.frames_when.find("as it paused"), std::string::npos) << c.frames_when;
  // The other task has its own.
  l.at(Ev::Wait, 2, 0);
  c = task_card(l.s, 2);
  EXPECT_EQ(c.title, "Task-3 count('b', 2)");
  EXPECT_EQ(var(c, 0, "name"), "'b'");
}

const char* kPrints = R"PY(import asyncio

def shout(word):
    loud = word.upper()
    print(loud)

async def main():
    for i in range(3):
        print("i is", i)
    shout("done")
    await asyncio.sleep(0)

asyncio.run(main())
)PY";

TEST(TaskCard, APrintShowsTheLocalsOfThatMomentWithThePlainCallsBelow) {
  Loaded l("prints.py", kPrints);
  const Trace& t = l.s.trace();
  std::vector<size_t> outs;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == Ev::Output) outs.push_back(l.s.replay->after(uint32_t(i)));
  }
  ASSERT_EQ(outs.size(), 4u);
  l.s.seek(outs[1]);
  TaskCard c = task_card(l.s, 0);
  EXPECT_EQ(var(c, 0, "i"), "1");
  EXPECT_NE(c.frames_when.find("as it printed"), std::string::npos) << c.frames_when;
  l.s.seek(outs[3]);
  c = task_card(l.s, 0);
  EXPECT_EQ(c.stack, "main -> shout");
  EXPECT_EQ(var(c, 1, "loud"), "'DONE'");
  EXPECT_EQ(c.frames.frames[1].line, 5u);
  EXPECT_EQ(c.frames.frames[0].line, 10u);
}

TEST(TaskCard, TasksAreNamedByTheirCallInTheTableAndTheExplainText) {
  Loaded l("counter.py", kCounter);
  l.at(Ev::Wait, 1, 0);
  TaskRow r = task_row(l.s, 1);
  EXPECT_EQ(r.call, "count('a', 3)");
  EXPECT_NE(explain_cursor(*l.s.replay, l.s.cursor).find("Task-2 count('a', 3)"), std::string::npos)
      << explain_cursor(*l.s.replay, l.s.cursor);
}

TEST(TaskCard, AGatherWaitsOnItsChildrenAndEachOnItsTimer) {
  Loaded l("counter.py", kCounter);
  l.at(Ev::Wait, 2, 0);  // both children have started and sleep
  std::string why = l.why(0);
  EXPECT_NE(why.find("Task-1 main() at line 11 awaits a gather of 2 tasks"), std::string::npos) << why;
  EXPECT_NE(why.find("still waiting on Task-2, Task-3"), std::string::npos) << why;
  EXPECT_NE(why.find("Task-2 count('a', 3) at line 7 sleeps: a timer wakes it at 1 s"), std::string::npos) << why;
  EXPECT_NE(why.find("In this run it runs again at step"), std::string::npos) << why;
}

const char* kLock = R"PY(import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(2)

async def waiter(lock):
    await asyncio.sleep(0.5)
    async with lock:
        print("got it")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock), waiter(lock))

asyncio.run(main())
)PY";

TEST(TaskCard, ALockWaiterIsToldWhoHoldsItSinceWhenAndWhatThatTaskWaitsFor) {
  Loaded l("lock.py", kLock);
  l.at(Ev::Wait, 2, 1);  // the waiter, in acquire()
  std::string why = l.why(2);
  EXPECT_NE(why.find("waits in Lock#1.acquire(): Lock#1 is held by Task-2 holder("), std::string::npos) << why;
  EXPECT_NE(why.find(" since step "), std::string::npos) << why;
  EXPECT_NE(why.find("Task-2 holder(") , std::string::npos) << why;
  EXPECT_NE(why.find("sleeps: a timer wakes it at 2 s"), std::string::npos) << why;
  EXPECT_NE(why.find("woken by Task-2 holder("), std::string::npos) << why;
}

const char* kQueue = R"PY(import asyncio

async def consumer(q):
    item = await q.get()
    print("got", item)

async def main():
    q = asyncio.Queue()
    await consumer(q)

asyncio.run(main())
)PY";

TEST(TaskCard, AnEmptyQueueWithNobodyLeftToPutIsADeadlock) {
  Loaded l("queue.py", kQueue);
  l.at(Ev::Wait, 0, 0);
  std::string why = l.why(0);
  EXPECT_NE(why.find("waits in Queue#1.get(): the queue is empty"), std::string::npos) << why;
  EXPECT_NE(why.find("No other task is left to do it."), std::string::npos) << why;
  EXPECT_NE(why.find("never runs again"), std::string::npos) << why;
}

const char* kProducers = R"PY(import asyncio

async def producer(q, n, pause):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(pause)

async def consumer(q):
    while True:
        item = await q.get()
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=1)
    c = asyncio.create_task(consumer(q))
    await asyncio.gather(producer(q, 1, 0.1), producer(q, 3, 1.0))
    c.cancel()

asyncio.run(main())
)PY";

TEST(TaskCard, AnEmptyQueuesGetterIsToldWhoPutItemsAndWhatTheLivingProducerWaitsFor) {
  Loaded l("producers.py", kProducers);
  // Task-2 (the consumer) waiting in get() for the third time: both producers
  // have put, the first has finished, the second sleeps 1 s between items.
  l.at(Ev::Wait, 1, 2);
  std::string why = l.why(1);
  EXPECT_NE(why.find("waits in Queue#1.get(): the queue is empty"), std::string::npos) << why;
  EXPECT_NE(why.find("Tasks that put items into Queue#1 so far: Task-3 producer(<Queue>, 1, 0.1), Task-4 producer("),
            std::string::npos)
      << why;
  // The chain goes on with the first producer that has not finished.
  EXPECT_NE(why.find("Task-3 producer(<Queue>, 1, 0.1) at line 6 sleeps: a timer wakes it at 0.1 s"), std::string::npos)
      << why;
  EXPECT_EQ(why.find("a deadlock"), std::string::npos) << why;
  // Its wait ends when a producer's put wakes it (before its next step),
  // and the next output line comes after.
  TaskCard c = task_card(l.s, 1);
  ASSERT_NE(c.woken, SIZE_MAX);
  EXPECT_LT(c.woken, c.next_runs);
  EXPECT_GT(c.woken, l.s.cursor);
  EXPECT_EQ(l.s.trace()[c.woken - 1].kind, Ev::Soon);
  // Later Task-3 has finished: the chain follows Task-4.
  l.at(Ev::Wait, 1, 3);
  why = l.why(1);
  EXPECT_NE(why.find("Task-4 producer(<Queue>, 3, 1.0) at line 6 sleeps: a timer wakes it at 2 s"), std::string::npos)
      << why;
}

const char* kCycle = R"PY(import asyncio

async def first():
    await asyncio.sleep(0)
    await t2

async def second():
    await asyncio.sleep(0)
    await t1

async def main():
    global t1, t2
    t1 = asyncio.create_task(first())
    t2 = asyncio.create_task(second())
    await asyncio.gather(t1, t2)

asyncio.run(main())
)PY";

TEST(TaskCard, TasksAwaitingEachOtherAreShownAsACycle) {
  Loaded l("cycle.py", kCycle);
  l.s.seek(l.s.size());
  std::vector<std::string> why = why_not_running(l.s, 1);
  ASSERT_GE(why.size(), 3u);
  EXPECT_EQ(why[0], "Task-2 first() at line 5 awaits Task-3 second(): it goes on when that task finishes.");
  EXPECT_EQ(why[1], "Task-3 second() at line 9 awaits Task-2 first(): it goes on when that task finishes.");
  EXPECT_NE(why[2].find("Task-2 first() is already in this chain"), std::string::npos) << why[2];
  EXPECT_NE(why[2].find("deadlock"), std::string::npos) << why[2];
}

TEST(TaskCard, HistoryJumpsLandWhereTheTaskRuns) {
  Loaded l("counter.py", kCounter);
  l.at(Ev::Wait, 1, 1);
  TaskCard c = task_card(l.s, 1);
  ASSERT_NE(c.last_ran, SIZE_MAX);
  ASSERT_NE(c.next_runs, SIZE_MAX);
  EXPECT_LT(c.last_ran, l.s.cursor);
  EXPECT_GT(c.next_runs, l.s.cursor);
  l.s.seek(c.next_runs);
  EXPECT_EQ(l.s.state.running_task, 1u);
  l.s.seek(c.last_ran);
  EXPECT_EQ(l.s.state.running_task, 1u);
  // At the end: finished, with what it returned, and nothing to jump to next.
  l.s.seek(l.s.size());
  c = task_card(l.s, 1);
  EXPECT_EQ(c.next_runs, SIZE_MAX);
  ASSERT_EQ(c.why.size(), 1u);
  EXPECT_EQ(c.why[0], "Task-2 count('a', 3) has finished: it returned 3.");
}

TEST(TaskCard, TheTabShowsTheSelectedTaskElseTheRunningOne) {
  Loaded l("counter.py", kCounter);
  UiState ui;
  l.at(Ev::Step, 2, 0);
  EXPECT_EQ(card_task(l.s, ui), 2u);
  ui.selected_task = 1;
  EXPECT_EQ(card_task(l.s, ui), 1u);
  // Just before a step begins, the task whose step handle runs.
  ui.selected_task = UINT32_MAX;
  l.at(Ev::Step, 2, 0);
  l.s.seek(l.s.replay->prev_event(l.s.cursor));
  EXPECT_EQ(l.s.state.running_task, UINT32_MAX);
  EXPECT_EQ(card_task(l.s, ui), 2u);
}

TEST(TaskCard, SelectingATaskOpensTheVariablesTabUnlessATabFollowsTheSelection) {
  UiState ui;
  ui.tab = BottomTab::Lesson;
  select_task(ui, 2);
  EXPECT_EQ(ui.selected_task, 2u);
  EXPECT_EQ(ui.tab, BottomTab::Variables);
  select_task(ui, 2);  // again: the selection is cleared
  EXPECT_EQ(ui.selected_task, UINT32_MAX);
  ui.tab = BottomTab::Timeline;
  select_task(ui, 1);
  EXPECT_EQ(ui.selected_task, 1u);
  EXPECT_EQ(ui.tab, BottomTab::Timeline);
}

TEST(TaskCard, TheTabDrawsHeadless) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  load_fonts(15.0f);
  apply_style(1.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  Loaded l("lock.py", kLock);
  UiState ui;
  ui.tab = BottomTab::Variables;
  ui.tab_requested = true;
  l.at(Ev::Wait, 2, 1);
  ui.selected_task = 2;
  for (int i = 0; i < 3; ++i) {
    ImGui::NewFrame();
    draw_app(l.s, ui, 100.0 + i, 1.0 / 60);
    ImGui::Render();
  }
  // A script clicks the jump: the cursor moves to the waiter's next step.
  size_t next = task_card(l.s, 2).next_runs;
  ui.click = "Next runs >>";
  ImGui::NewFrame();
  draw_app(l.s, ui, 104.0, 1.0 / 60);
  ImGui::Render();
  EXPECT_EQ(l.s.cursor, next);
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace loopscope::gui
