#pragma once
// Everything that outlives one event loop in a run: the trace, the virtual
// clock, CPython's global counters (Task-N, handles, futures), the options.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>
#include <string>

#include "engine/trace/trace.hpp"
#include "engine/world/sim_net.hpp"
#include "engine/world/sim_threads.hpp"

namespace loopscope {

class EventLoop;

struct RunOptions {
  bool heap_ties = false;          // raw heapq order for equal deadlines
  uint64_t max_iters = 1000000;    // `! limit` past this many iterations
  double max_time = 1000000.0;     // `! limit` past this virtual time
  uint64_t instruction_budget = 100'000'000;  // script instructions per task step: `--max-instructions`
  bool file_system = true;         // scripts may open, list, create and remove host files (the fuzzer turns it off)
  bool object_notes = true;        // record Queue/Lock/Semaphore/Event states for the window (`run` turns it off)
  // Snapshot each script task's frames (function, line, locals as reprs)
  // at every start and suspension, beside the trace (Trace::frames): the
  // window's Variables panel. Off for the CLI, the benchmarks and the
  // conformance suite; the transcript is the same either way.
  bool record_frames = false;
};

struct World {
  explicit World(RunOptions o = {});
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  RunOptions options;
  Trace trace;
  double now = 0.0;
  uint32_t next_task_number = 1;   // CPython's _task_name_counter
  uint32_t next_task_id = 0;       // creation order of tasks
  uint32_t next_future = 1;        // F#n
  uint64_t next_serial = 0;        // creation order of futures and tasks together
  uint32_t next_handle = 1;        // h#n
  uint64_t total_iterations = 0;   // `iter N` counts over the whole run
  std::map<std::string, uint32_t> object_numbers;  // Queue#1, Event#2, ...
  // The user subclass the next synchronisation object is made for (MyQueue#1 for
  // `class MyQueue(asyncio.Queue)`, as CPython's type(obj).__name__); its label takes it.
  std::string subclass_name;
  EventLoop* running_loop = nullptr;
  SimThreads threads;  // simulated worker threads (docs/SIMULATED_WORLD.md)
  SimNet net;          // the simulated network (docs/SIMULATED_WORLD.md)
  // Writes out the program's unfinished stdout/stderr lines; called before
  // a final `! deadlock` / `! limit` line. Set by the script runtime.
  std::function<void()> flush_output;

  uint32_t number_object(const std::string& type) { return ++object_numbers[type]; }

  // The event loops of the run live as long as the world: handles and
  // coroutines that outlive a loop (e.g. after a deadlock) may still touch it.
  EventLoop& new_loop();
  // Frees what every loop still holds (see EventLoop::release): a runtime
  // calls it while the objects' finalizers can still run.
  void release_loops();
  std::vector<std::unique_ptr<EventLoop>> loops;
};

}  // namespace loopscope
