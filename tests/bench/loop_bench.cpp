// Engine speed benchmarks (the system allocator, as a user runs them);
// each prints its figure next to its target.
//   steps/s          N native tasks x K sleep(0), trace on   target >= 30e6
//   bytes/event      trace size per event                      target <= 16
#include <benchmark/benchmark.h>

#include "engine/lib/gather.hpp"
#include "engine/lib/runner.hpp"
#include "engine/lib/sleep.hpp"

namespace loopscope {
namespace {

Co yielder(EventLoop& loop, int k) {
  for (int i = 0; i < k; ++i) co_await sleep(loop, 0);
  co_return Value();
}

Co spawn_yielders(World& w, int n, int k) {
  EventLoop& loop = *w.running_loop;
  std::vector<Value> kids;
  kids.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) kids.push_back(Value::object(coroutine(yielder(loop, k), "yielder")));
  co_await gather(loop, kids);
  co_return Value();
}

void BM_TaskSteps(benchmark::State& state) {
  int n = static_cast<int>(state.range(0));
  int k = static_cast<int>(state.range(1));
  size_t events = 0, bytes = 0;
  for (auto _ : state) {
    World w;
    asyncio_run(w, coroutine(spawn_yielders(w, n, k), "main"));
    state.PauseTiming();
    // Events as the transcript counts them: an Ext record is part of the
    // event before it, not an event of its own.
    events = 0;
    for (size_t i = 0; i < w.trace.size(); ++i) events += w.trace[i].kind != Ev::Ext;
    bytes = w.trace.bytes();
    state.ResumeTiming();
    benchmark::DoNotOptimize(events);
  }
  state.counters["steps/s"] = benchmark::Counter(double(n) * double(k + 1) * double(state.iterations()),
                                                 benchmark::Counter::kIsRate);
  state.counters["target_steps/s"] = 30e6;
  state.counters["bytes/event"] = double(bytes) / double(events);
  state.counters["target_bytes/event"] = 16;
}
BENCHMARK(BM_TaskSteps)->Args({1000, 100})->Args({1000, 1000})->Args({100000, 2})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope
