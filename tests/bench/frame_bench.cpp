// Frame time of the whole window in a headless ImGui context (no window, no
// GL: what ImGui and the panels cost, not the GPU) for a run of 100,000
// tasks: the cursor at several places (steady frames), the first frame
// after a jump, and a step back. Target: at most 16 ms per frame.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <memory>
#include <random>
#include <sstream>

#include "app/gui/panels.hpp"
#include "app/gui/session.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/ui_state.hpp"
#include "app/gui/view_model.hpp"

namespace loopscope::gui {
namespace {

// 100,000 workers: each sleeps, yields, puts on a queue and takes a lock.
const char* const kManyTasks = R"(import asyncio

N = 100000

async def worker(i, q, lock):
    await asyncio.sleep((i % 50) * 0.01)
    await asyncio.sleep(0)
    await q.put(i)
    async with lock:
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    await asyncio.gather(*[worker(i, q, lock) for i in range(N)])
    print("items", q.qsize())

asyncio.run(main())
)";

Session& big_session() {
  static Session* s = [] {
    auto* session = new Session;
    auto run = std::make_shared<ScenarioRun>(run_source("many_tasks", kManyTasks));
    session->target = "many_tasks";
    session->run = run;
    session->replay = std::make_unique<Replay>(run->world->trace);
    session->source = SourceText(run->source);
    session->state = session->replay->state_at(0);
    return session;
  }();
  return *s;
}

// One ImGui context for every benchmark, 1920x1080 with the app's fonts.
void ensure_context() {
  if (ImGui::GetCurrentContext()) return;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60;
  // As the OpenGL 3 backend: draw lists may pass 65,536 vertices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  load_fonts(15.0f);
  apply_style(1.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
}

double g_now = 100.0;

void frame(Session& s, UiState& ui) {
  g_now += 1.0 / 60;
  ImGui::NewFrame();
  draw_app(s, ui, g_now, 1.0 / 60);
  ImGui::Render();
}

BottomTab tab_of(int64_t i) {
  switch (i) {
    case 0: return BottomTab::Timeline;
    case 1: return BottomTab::EventLog;
    default: return BottomTab::Explain;
  }
}

void report(benchmark::State& state, const Session& s) {
  state.counters["tasks"] = double(s.replay->task_count());
  state.counters["events"] = double(s.size());
  state.counters["target_ms/frame"] = 16.0;
  state.counters["keyframe_MiB"] = double(s.replay->keyframe_bytes()) / (1 << 20);
  state.counters["keyframe_every"] = double(s.replay->keyframe_interval());
}

// Steady frames with the cursor at range(0) percent of the run, the bottom
// tab range(1) (0 timeline, 1 event log, 2 explain).
void BM_FrameAtCursor(benchmark::State& state) {
  ensure_context();
  Session& s = big_session();
  UiState ui;
  ui.tab = tab_of(state.range(1));
  ui.tab_requested = true;
  s.seek(s.size() * size_t(state.range(0)) / 100, g_now);
  for (int i = 0; i < 3; ++i) frame(s, ui);  // settle layout and caches
  for (auto _ : state) frame(s, ui);
  report(state, s);
}
BENCHMARK(BM_FrameAtCursor)
    ->ArgsProduct({{0, 10, 50, 90, 100}, {0, 1, 2}})
    ->ArgNames({"cursor%", "tab"})
    ->Unit(benchmark::kMillisecond);

// The first frame after a jump to a random place (seek + frame).
void BM_FirstFrameAfterJump(benchmark::State& state) {
  ensure_context();
  Session& s = big_session();
  UiState ui;
  ui.tab = tab_of(state.range(0));
  ui.tab_requested = true;
  frame(s, ui);
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<size_t> pick(0, s.size());
  for (auto _ : state) {
    s.seek(pick(rng), g_now);
    frame(s, ui);
  }
  report(state, s);
}
BENCHMARK(BM_FirstFrameAfterJump)->Arg(0)->Arg(2)->ArgName("tab")->Unit(benchmark::kMillisecond);

// The replay's part of a jump: the state at a random step, no frame.
void BM_SeekOnly(benchmark::State& state) {
  Session& s = big_session();
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<size_t> pick(0, s.size());
  for (auto _ : state) {
    ReplayState st = s.replay->state_at(pick(rng));
    benchmark::DoNotOptimize(st.tasks.size());
  }
  report(state, s);
}
BENCHMARK(BM_SeekOnly)->Unit(benchmark::kMillisecond);

// Stepping back one event at a time from the middle of the run (Left key).
void BM_StepBackFrame(benchmark::State& state) {
  ensure_context();
  Session& s = big_session();
  UiState ui;
  s.seek(s.size() / 2 + 777, g_now);
  frame(s, ui);
  for (auto _ : state) {
    s.seek(step_back(s, StepUnit::Event), g_now, true);
    frame(s, ui);
  }
  report(state, s);
}
BENCHMARK(BM_StepBackFrame)->Unit(benchmark::kMillisecond);

// The event log's text filter over the whole trace, as one frame would
// see it without the per-frame budget (the tab spreads it over frames).
void BM_EventLogFilterFullBuild(benchmark::State& state) {
  Session& s = big_session();
  for (auto _ : state) {
    EventLogView v;
    v.kind = int(state.range(0));
    update_rows(*s.replay, v, UINT32_MAX, 0);
    benchmark::DoNotOptimize(v.rows.size());
  }
  state.counters["events"] = double(s.size());
}
BENCHMARK(BM_EventLogFilterFullBuild)->Arg(0)->Arg(1)->ArgName("kind")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope::gui
