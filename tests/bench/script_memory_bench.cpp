// Memory per suspended script task: N tasks of an `async def` each
// suspended on an asyncio.Event, counted with the benchmark binary's
// allocator (alloc_counter.hpp). Counts the Task, the coroutine object, its
// frame (locals, value stack) and the waiter future with its callback; the
// trace is counted separately. Target: at most 1 KB. CPython is
// measured, not quoted: tests/bench/compare.py (event_wait.py) runs the
// same shape as whole processes beside it.

#include <benchmark/benchmark.h>

#include "engine/loop/event_loop.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/script.hpp"
#include "engine/object/pool.hpp"
#include "tests/bench/alloc_counter.hpp"

namespace loopscope {
namespace {

constexpr const char* kPrelude = R"(import asyncio
async def waiter(gate):
    await gate.wait()
loop = asyncio.new_event_loop()
gate = asyncio.Event()
)";

void BM_ScriptSuspendedTaskMemory(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  std::string spawn = "tasks = [loop.create_task(waiter(gate)) for _ in range(" + std::to_string(n) + ")]\n";
  script::CompileResult prelude = script::compile_source("mem.py", kPrelude);
  script::CompileResult tasks = script::compile_source("mem.py", spawn);
  if (!prelude.ok || !tasks.ok) {
    state.SkipWithError("the benchmark script does not compile");
    return;
  }
  double per_task = 0;
  for (auto _ : state) {
    // Blocks freed earlier would be reused here without being counted,
    // yet subtracted below as the run's own: give them back first.
    pool::release_idle();
    World w;
    script::Interp in(w, "mem.py", kPrelude);
    in.run_module(prelude.program->code);
    EventLoop& loop = *w.loops.back();
    size_t trace_before = w.trace.bytes();
    size_t before = bench::live_heap_bytes();
    in.run_module(tasks.program->code);
    loop.run_once();  // every task takes its first step and suspends on the event
    size_t after = bench::live_heap_bytes();
    size_t trace_bytes = w.trace.bytes() - trace_before;
    per_task = (double(after - before) - double(trace_bytes)) / double(n);
    state.PauseTiming();
    in.shutdown();
    state.ResumeTiming();
  }
  state.counters["bytes/task"] = per_task;
  state.counters["target_bytes/task"] = 1024;
}
BENCHMARK(BM_ScriptSuspendedTaskMemory)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace loopscope
