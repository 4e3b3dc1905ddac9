// Memory per suspended native task, counted by the replaced operator new
// (alloc_counter_bench.cpp), in the memory benchmark binary.
//   bytes/task       memory per suspended native task          target <= 256
#include <benchmark/benchmark.h>

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"
#include "engine/object/pool.hpp"
#include "tests/bench/alloc_counter.hpp"

namespace loopscope {
namespace {

Co wait_forever(Ref<Future> f) {
  co_await f;
  co_return Value();
}

void BM_SuspendedTaskMemory(benchmark::State& state) {
  size_t n = static_cast<size_t>(state.range(0));
  double per_task = 0;
  for (auto _ : state) {
    // Blocks freed earlier would be reused here without being counted,
    // yet subtracted below as the run's own: give them back first.
    pool::release_idle();
    World w;
    EventLoop loop(w);
    Ref<Future> gate = loop.create_future();
    std::vector<Ref<Task>> tasks;
    tasks.reserve(n);
    size_t before = bench::live_heap_bytes();
    size_t trace_before = w.trace.heap_bytes();
    for (size_t i = 0; i < n; ++i) tasks.push_back(loop.create_task(coroutine(wait_forever(gate), "wait_forever")));
    loop.run_once();  // every task takes its first step and suspends on `gate`
    size_t trace_bytes = w.trace.heap_bytes() - trace_before;
    size_t after = bench::live_heap_bytes();
    // The task objects, their coroutine frames and the callbacks on `gate`;
    // the trace is counted separately (bytes/event).
    per_task = (double(after - before) - double(trace_bytes)) / double(n);
    state.PauseTiming();
    gate->cancel();
    loop.run_once();
    loop.close();
    state.ResumeTiming();
  }
  state.counters["bytes/task"] = per_task;
  state.counters["target_bytes/task"] = 256;
}
BENCHMARK(BM_SuspendedTaskMemory)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace loopscope
