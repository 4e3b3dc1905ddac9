// Panel logic in a headless ImGui context (no window, no GL): what the
// panels show for known replay states, and that clicks and keys seek.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "app/gui/panels.hpp"
#include "app/gui/platform.hpp"
#include "app/gui/syntax.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "engine/lib/sleep.hpp"
#include "engine/replay/explain.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope::gui {
using loopscope::queue_key;
namespace {

// Key indices this test's "platform" uses (the GLFW backend uses GLFW's).
constexpr int kRight = 262, kLeft = 263, kHome = 268, kEnd = 269, kSpace = 32;

class Headless : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    load_fonts(15.0f);
    apply_style(1.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ASSERT_TRUE(session.load("demo")) << session.load_error;
  }
  void TearDown() override { ImGui::DestroyContext(); }

  void frame() {
    now += 1.0 / 60;
    ImGui::NewFrame();
    draw_app(session, ui, now, 1.0 / 60);
    ImGui::Render();
  }
  // A press on one frame and a release on the next, at `at`.
  void click(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
  }
  // A press and a release as GLFW reports them to the platform layer.
  void press(int key) {
    queue_key(ui, key, 1, 0);
    queue_key(ui, key, 0, 0);
    frame();
  }
  // The child window whose name ends with `suffix` (ImGui names children
  // "parent/child_ID").
  static ImGuiWindow* child(const std::string& part) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
      if (std::string(w->Name).find(part) != std::string::npos && w->Active) return w;
    }
    return nullptr;
  }
  size_t index_of(const std::string& needle) {
    const Replay& r = *session.replay;
    for (size_t i = 0; i < r.size(); ++i) {
      if (event_text(r, i).find(needle) != std::string::npos) return i;
    }
    return r.size();
  }

  Session session;
  UiState ui;
  double now = 100.0;
};

TEST_F(Headless, TheReadyQueueShowsOneBoxPerHandleFrontFirst) {
  size_t soon3 = index_of("soon h#3 Task-3.step");
  session.seek(session.replay->after(uint32_t(soon3)));
  std::vector<QueueBox> boxes = ready_boxes(session, 10);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_EQ(boxes[0].label, "Task-2.step");
  EXPECT_EQ(boxes[1].label, "Task-3.step");
  EXPECT_EQ(boxes[0].task, 1u);
}

TEST_F(Headless, ALongQueueEndsInAnAggregatedBox) {
  // 2,000 tasks created at once: 2,000 step handles in the queue.
  auto run = std::make_unique<ScenarioRun>();
  run->name = "many";
  run->world = std::make_unique<World>();
  {
    EventLoop loop(*run->world);
    for (int i = 0; i < 2000; ++i) loop.create_task(sleep_coroutine(loop, 1.0));
    loop.close();
  }
  session.run = std::move(run);
  session.replay = std::make_unique<Replay>(session.run->world->trace);
  size_t before_close = 0;
  while (session.trace()[before_close].kind != Ev::LoopClose) ++before_close;
  session.seek(before_close);
  std::vector<QueueBox> boxes = ready_boxes(session, 50);
  ASSERT_EQ(boxes.size(), 50u);
  EXPECT_EQ(boxes.back().label, "+1,951 more");
  EXPECT_EQ(boxes.back().more, 1951u);
  frame();  // and a frame draws it
}

TEST_F(Headless, CallbackLabelsAreShortAndReadable) {
  EXPECT_EQ(callback_label("Task-2.step", false), "Task-2.step");
  EXPECT_EQ(callback_label("Task-2.step(CancelledError)", false), "Task-2.step");
  EXPECT_EQ(callback_label("Task-1.wakeup(F#1)", false), "Task-1.wakeup");
  EXPECT_EQ(callback_label("gather._done_callback(Task-3)", false), "gather callback");
  EXPECT_EQ(callback_label("_set_result_unless_cancelled(F#2, None)", true), "sleep timer");
  // The same callback scheduled with call_soon completes a connection, not a sleep.
  EXPECT_EQ(callback_label("_set_result_unless_cancelled(F#2, None)", false), "result ready");
}

// The line number that is clicked: the next moment that line runs.
TEST_F(Headless, ALineNumberGoesToWhenTheLineNextRuns) {
  ASSERT_TRUE(session.load("03_sleep")) << session.load_error;
  auto line_of = [&](const std::string& code) {
    for (size_t i = 0; i < session.source.lines.size(); ++i) {
      if (session.source.lines[i].find(code) != std::string::npos) return uint32_t(i + 1);
    }
    return 0u;
  };
  uint32_t sleep = line_of("await asyncio.sleep(seconds)");
  uint32_t done = line_of("print(\"both done\")");
  ASSERT_GT(sleep, 0u);
  ASSERT_GT(done, 0u);
  auto tasks_at = [&](uint32_t line) {
    return std::count_if(session.state.tasks.begin(), session.state.tasks.end(),
                         [&](const TaskView& t) { return t.line == line && t.state == TaskState::Waiting; });
  };
  session.seek(0);
  // Two tasks sleep at the line, one after the other.
  size_t first = line_runs_at(session, sleep, true);
  ASSERT_NE(first, SIZE_MAX);
  session.seek(first);
  EXPECT_EQ(tasks_at(sleep), 1);
  size_t second = line_runs_at(session, sleep, true);
  ASSERT_NE(second, SIZE_MAX);
  EXPECT_GT(second, first);
  session.seek(second);
  EXPECT_EQ(tasks_at(sleep), 2);
  EXPECT_EQ(line_runs_at(session, sleep, false), first);
  // A print's line runs when it prints.
  session.seek(0);
  size_t printed = line_runs_at(session, done, true);
  ASSERT_NE(printed, SIZE_MAX);
  EXPECT_EQ(session.replay->console_count(printed), session.replay->console_count(printed - 1) + 1);
  session.seek(printed);
  EXPECT_EQ(line_runs_at(session, done, true), SIZE_MAX);  // it never prints again
  EXPECT_EQ(line_runs_at(session, 1, true), SIZE_MAX);     // the docstring never runs
  // The same through the Source view, as a script clicks it.
  session.seek(first);
  frame();
  ui.click = "line " + std::to_string(sleep);
  frame();
  EXPECT_TRUE(ui.click.empty()) << ui.click;
  EXPECT_EQ(session.cursor, second) << "from " << first << ": " << ui.status;
}

TEST_F(Headless, TheTasksTableListsEveryTaskWithItsStateAndResult) {
  session.seek(session.size());
  std::vector<TaskRow> rows = task_rows(session, false);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].name, "Task-1");
  EXPECT_EQ(rows[0].coro, "main");
  EXPECT_EQ(rows[1].state, "done");
  EXPECT_EQ(rows[1].result, "'a'");
  EXPECT_EQ(rows[2].result, "'b'");
}

TEST_F(Headless, WaitingTasksAreGroupedByWhatTheyWaitOn) {
  size_t wait = index_of("wait Task-3 on sleep");
  session.seek(session.replay->after(uint32_t(wait)));
  std::vector<WaitGroup> groups = wait_groups(session);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].kind, "gather");
  EXPECT_EQ(groups[0].tasks, std::vector<uint32_t>{0});
  EXPECT_EQ(groups[1].kind, "sleep");
  EXPECT_EQ(groups[1].tasks, (std::vector<uint32_t>{1, 2}));
  std::vector<TimerMark> marks = timer_marks(session, 10);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].label, "Task-3 sleep");
  EXPECT_DOUBLE_EQ(marks[0].when, 0.5);
}

TEST_F(Headless, TheExplainSentenceMatchesTheCurrentEvent) {
  size_t wait = index_of("wait Task-3 on sleep");
  session.seek(session.replay->after(uint32_t(wait)));
  EXPECT_EQ(explain_cursor(*session.replay, session.cursor),
            "Task-3 (worker) sleeps until 0.5 s: asyncio.sleep(0.5) sets a timer and gives the loop back.");
  frame();
}

TEST_F(Headless, TheArrowKeysStepAndHomeEndJump) {
  frame();
  press(kRight);
  EXPECT_EQ(session.cursor, session.replay->next_event(0));
  press(kEnd);
  EXPECT_EQ(session.cursor, session.size());
  // asyncio.run's shutdown is one step: back from the end is its start.
  press(kLeft);
  size_t shutdown = session.replay->shutdown_start();
  ASSERT_LT(shutdown, session.size());
  EXPECT_EQ(session.cursor, shutdown);
  press(kHome);
  EXPECT_EQ(session.cursor, 0u);
}

TEST_F(Headless, WithTheInternalsShownTheShutdownStepsOneByOne) {
  ui.show_internals = true;
  frame();
  press(kEnd);
  press(kLeft);
  EXPECT_EQ(session.cursor, session.replay->prev_event(session.size()));
  EXPECT_GT(session.cursor, session.replay->shutdown_start());
}

TEST_F(Headless, TheRunningLineFollowsATaskThroughItsStep) {
  ASSERT_TRUE(session.load("06_blocking_sleep")) << session.load_error;
  const std::vector<std::string>& src = session.source.lines;
  auto line_of = [&](const std::string& text) {
    for (size_t i = 0; i < src.size(); ++i)
      if (src[i].find(text) != std::string::npos) return uint32_t(i + 1);
    return 0u;
  };
  // Its first step, before it prints: the def line of its coroutine.
  session.seek(index_of("step Task-3 start") + 1);
  EXPECT_EQ(running_line(session), line_of("async def blocker():"));
  // After it prints, the print's line; while it blocks, the time.sleep line.
  session.seek(index_of("blocker: blocking 2s") + 1);
  EXPECT_EQ(running_line(session), line_of("print(\"blocker: blocking 2s\")"));
  session.seek(index_of("block time.sleep") + 1);
  EXPECT_EQ(running_line(session), line_of("    time.sleep(2)"));
  EXPECT_EQ(task_row(session, 2).line, std::to_string(line_of("    time.sleep(2)")));
  // Between steps nothing runs.
  session.seek(index_of("iter 3") + 1);
  EXPECT_EQ(running_line(session), 0u);
}

TEST_F(Headless, AQueueNobodyWaitsOnStaysOnScreenWithItsItems) {
  ASSERT_TRUE(session.load("10_queue")) << session.load_error;
  session.seek(index_of("put 2") + 1);
  std::vector<WaitGroup> groups = wait_groups(session);
  auto queue = std::find_if(groups.begin(), groups.end(), [](const WaitGroup& g) { return g.title == "Queue#1"; });
  ASSERT_NE(queue, groups.end());
  ASSERT_TRUE(queue->tasks.empty());  // both consumers sleep while it holds item 2
  ASSERT_EQ(queue->facts.size(), 2u);
  EXPECT_EQ(queue->facts[0].rfind("holds ", 0), 0u) << queue->facts[0];
  EXPECT_EQ(queue->facts[1], "no task waits on it");
  // Before the queue is first used, there is no card for it.
  session.seek(0);
  groups = wait_groups(session);
  EXPECT_TRUE(std::none_of(groups.begin(), groups.end(), [](const WaitGroup& g) { return g.title == "Queue#1"; }));
}

TEST_F(Headless, ClickingAnEventLogRowSeeksToIt) {
  ui.tab = BottomTab::EventLog;
  ui.tab_requested = true;
  frame();
  frame();
  ImGuiWindow* list = child("events");
  ASSERT_NE(list, nullptr);
  ASSERT_GT(ui.log.rows.size(), 5u);
  float row_h = ImGui::GetTextLineHeightWithSpacing();
  ImVec2 at(list->InnerRect.Min.x + 60, list->InnerRect.Min.y + row_h * 3.5f);
  click(at);
  EXPECT_EQ(session.cursor, session.replay->after(ui.log.rows[3]));
}

TEST_F(Headless, ClickingTheTimelineSeeksAndSelectsTheLane) {
  ui.tab = BottomTab::Timeline;
  ui.tab_requested = true;
  frame();
  frame();
  ImGuiWindow* lanes = child("lane_rows");
  ASSERT_NE(lanes, nullptr);
  ImVec2 at((lanes->InnerRect.Min.x + lanes->InnerRect.Max.x) * 0.5f, lanes->InnerRect.Min.y + ui.timeline.lane_height * 1.5f);
  click(at);
  EXPECT_GT(session.cursor, 0u);
  EXPECT_LT(session.cursor, session.size());
  EXPECT_EQ(ui.selected_task, 1u);
}

TEST_F(Headless, TheStepButtonMovesByTheChosenUnit) {
  ui.unit = StepUnit::Iteration;
  frame();
  size_t first = step_forward(session, StepUnit::Iteration);
  EXPECT_EQ(session.replay->state_at(first).iteration, 1u);
  ui.unit = StepUnit::Output;
  session.seek(step_forward(session, StepUnit::Output));
  EXPECT_EQ(session.replay->console_count(session.cursor), 1u);
}

TEST_F(Headless, EveryStepOfTheDemoDrawsAFrame) {
  for (BottomTab tab : {BottomTab::Timeline, BottomTab::Console, BottomTab::EventLog, BottomTab::Explain}) {
    ui.tab = tab;
    ui.tab_requested = true;
    for (size_t k = 0; k <= session.size(); k = session.replay->next_event(k)) {
      session.seek(k, now, true);
      frame();
      if (k == session.size()) break;
    }
  }
  EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 100);
}

TEST_F(Headless, OpeningAMissingFileShowsAnErrorAndKeepsTheRun) {
  EXPECT_FALSE(session.load("/nonexistent/file.py"));
  EXPECT_EQ(session.load_error, "There is no file /nonexistent/file.py");
  EXPECT_TRUE(session.loaded());
  EXPECT_EQ(session.run->name, "demo");
  EXPECT_FALSE(session.stale);
  frame();
}

TEST_F(Headless, TextCutToAWidthEndsWithAnEllipsisAndFits) {
  ImGui::NewFrame();
  std::string long_text(500, 'x');
  std::string cut = fit_text(long_text, 120);
  EXPECT_LE(ImGui::CalcTextSize(cut.c_str()).x, 120.0f);
  // The ellipsis character where the font has it (DejaVu), else three dots.
  const std::string ellipsis = ImGui::GetFont()->FindGlyphNoFallback(0x2026) ? "\xE2\x80\xA6" : "...";
  ASSERT_GT(cut.size(), ellipsis.size() + 2);
  EXPECT_EQ(cut.substr(cut.size() - ellipsis.size()), ellipsis);
  EXPECT_EQ(cut.substr(0, cut.size() - ellipsis.size()), std::string(cut.size() - ellipsis.size(), 'x'));
  // Longer by one x would not fit.
  EXPECT_GT(ImGui::CalcTextSize(("x" + cut).c_str()).x, 120.0f);
  EXPECT_EQ(fit_text("fits", 120), "fits");
  EXPECT_EQ(fit_text("anything", 1), "");
  ImGui::EndFrame();
}

TEST_F(Headless, AGatherOfManyTasksIsTitledWithAFewNamesAndACount) {
  auto run = std::make_shared<ScenarioRun>(run_source("many", R"(import asyncio

async def child(i):
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(*[child(i) for i in range(300)])

asyncio.run(main())
)"));
  ASSERT_TRUE(run->world);
  session.run = run;
  session.replay = std::make_unique<Replay>(run->world->trace);
  session.seek(index_of("wait Task-1 on gather") + 1);
  std::vector<WaitGroup> groups = wait_groups(session);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].kind, "gather");
  EXPECT_EQ(groups[0].title, "gather F#1 [Task-2, Task-3, Task-4, Task-5, Task-6, ... +295 more]");
  EXPECT_EQ(groups[0].shorter_titles,
            (std::vector<std::string>{"gather F#1 [Task-2, Task-3, Task-4, ... +297 more]",
                                      "gather F#1 [Task-2, ... +299 more]", "gather F#1 [300 children]"}));
  // The tasks table says the same in its own words.
  EXPECT_EQ(task_row(session, 0).awaits, "gather(Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, ... +294 more)");
  // A narrow window draws it (the title cut to the group's box).
  ImGui::GetIO().DisplaySize = ImVec2(640, 600);
  frame();
}

TEST(UiScale, TheEnvironmentOverridesTheMonitorWithinLimits) {
  EXPECT_FLOAT_EQ(choose_ui_scale(nullptr, 1.0f), 1.0f);
  EXPECT_FLOAT_EQ(choose_ui_scale(nullptr, 2.0f), 2.0f);      // a HiDPI monitor
  EXPECT_FLOAT_EQ(choose_ui_scale(nullptr, 0.0f), 1.0f);      // not known
  EXPECT_FLOAT_EQ(choose_ui_scale(nullptr, 0.75f), 1.0f);     // never smaller than the design
  EXPECT_FLOAT_EQ(choose_ui_scale("2", 1.0f), 2.0f);
  EXPECT_FLOAT_EQ(choose_ui_scale("1.5", 2.0f), 1.5f);
  EXPECT_FLOAT_EQ(choose_ui_scale("", 2.0f), 2.0f);
  EXPECT_FLOAT_EQ(choose_ui_scale("big", 2.0f), 2.0f);        // not a number: the monitor's
  EXPECT_FLOAT_EQ(choose_ui_scale("2x", 1.0f), 1.0f);
  EXPECT_FLOAT_EQ(choose_ui_scale("9", 1.0f), 1.0f);          // out of range
}

TEST_F(Headless, AtTwiceTheScaleTheStyleAndControlsAreTwiceAsLarge) {
  ImGui::NewFrame();
  float spacing = ImGui::GetStyle().ItemSpacing.x, width = em(130);
  ImGui::EndFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  load_fonts(30.0f);
  apply_style(2.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  ImGui::NewFrame();
  EXPECT_FLOAT_EQ(ImGui::GetStyle().ItemSpacing.x, 2 * spacing);
  EXPECT_FLOAT_EQ(em(130), 2 * width);
  ImGui::EndFrame();
  // Applying the style again does not scale it twice.
  apply_style(2.0f);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().ItemSpacing.x, 2 * spacing);
  // The whole window draws at that size.
  ui.tab = BottomTab::Timeline;
  ui.tab_requested = true;
  io.DisplaySize = ImVec2(2560, 1600);
  frame();
  frame();
}

TEST(Syntax, KeywordsStringsAndDocstringsGetTheirColours) {
  std::vector<std::string> lines = {"\"\"\"A lesson.", "More.\"\"\"", "async def main():", "    print('hi', 1)  # c"};
  auto spans = highlight_python(lines);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0][0].kind, SyntaxKind::String);
  EXPECT_EQ(spans[1][0].kind, SyntaxKind::String);
  EXPECT_EQ(spans[2][0].kind, SyntaxKind::Keyword);   // async
  auto has = [&](size_t line, SyntaxKind k, const std::string& text) {
    for (const SyntaxSpan& s : spans[line]) {
      if (s.kind == k && lines[line].substr(s.begin, s.end - s.begin) == text) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(2, SyntaxKind::Definition, "main"));
  EXPECT_TRUE(has(3, SyntaxKind::Builtin, "print"));
  EXPECT_TRUE(has(3, SyntaxKind::String, "'hi'"));
  EXPECT_TRUE(has(3, SyntaxKind::Number, "1"));
  EXPECT_TRUE(has(3, SyntaxKind::Comment, "# c"));
}

}  // namespace
}  // namespace loopscope::gui
