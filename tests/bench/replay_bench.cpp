// Replay benchmark: seek to a random step of a 1,000,000-event trace.
// Target: under 2 ms per seek (median of the benchmark's repetitions).
#include <benchmark/benchmark.h>

#include <random>

#include "engine/lib/gather.hpp"
#include "engine/lib/runner.hpp"
#include "engine/lib/sleep.hpp"
#include "engine/replay/replay.hpp"

namespace loopscope {
namespace {

Co ticker(EventLoop& loop, int k, double delay) {
  for (int i = 0; i < k; ++i) co_await sleep(loop, (i % 3 == 0) ? delay : 0.0);
  co_return Value();
}

Co many(World& w, int n, int k) {
  EventLoop& loop = *w.running_loop;
  std::vector<Value> kids;
  for (int i = 0; i < n; ++i) {
    kids.push_back(Value::object(coroutine(ticker(loop, k, 0.001 * (1 + i % 7)), "ticker")));
  }
  co_await gather(loop, kids);
  co_return Value();
}

// About a million events: 1,000 tasks, each stepping through sleeps.
World& million_event_world() {
  static World* w = [] {
    auto* world = new World;
    asyncio_run(*world, coroutine(many(*world, 1000, 180), "main"));
    return world;
  }();
  return *w;
}

void BM_ReplaySeek(benchmark::State& state) {
  World& w = million_event_world();
  static Replay replay(w.trace);
  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, replay.size());
  for (auto _ : state) {
    ReplayState s = replay.state_at(pick(rng));
    benchmark::DoNotOptimize(s.tasks.size());
  }
  state.counters["events"] = double(replay.size());
  state.counters["target_ms/seek"] = 2.0;
}
BENCHMARK(BM_ReplaySeek)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope
