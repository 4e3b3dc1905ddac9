#include "engine/scenario/measure.hpp"

#include <malloc.h>
#include <sys/resource.h>

#include <string>

#include "engine/loop/event_loop.hpp"
#include "engine/object/pool.hpp"
#include "engine/script/script.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope {

namespace {

size_t heap_in_use() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

constexpr const char* kPrelude = R"(import asyncio
async def waiter(gate):
    await gate.wait()
loop = asyncio.new_event_loop()
gate = asyncio.Event()
)";

}  // namespace

double measure_task_bytes(size_t n) {
  std::string spawn = "tasks = [loop.create_task(waiter(gate)) for _ in range(" + std::to_string(n) + ")]\n";
  script::CompileResult prelude = script::compile_source("measure.py", kPrelude);
  script::CompileResult tasks = script::compile_source("measure.py", spawn);
  if (!prelude.ok || !tasks.ok || n == 0) return 0;
  // Blocks left idle by earlier runs would be reused without showing up
  // in the heap: give them back first.
  pool::release_idle();
  World w;
  script::Interp in(w, "measure.py", kPrelude);
  in.run_module(prelude.program->code);
  EventLoop& loop = *w.loops.back();
  size_t trace_before = w.trace.bytes();
  size_t before = heap_in_use();
  in.run_module(tasks.program->code);
  loop.run_once();  // every task takes its first step and suspends on the event
  size_t after = heap_in_use();
  double trace_bytes = double(w.trace.bytes() - trace_before);
  in.shutdown();
  return after > before ? (double(after - before) - trace_bytes) / double(n) : 0;
}

size_t thread_stack_bytes() {
  struct rlimit r {};
  if (getrlimit(RLIMIT_STACK, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return 0;
  return size_t(r.rlim_cur);
}

}  // namespace loopscope
