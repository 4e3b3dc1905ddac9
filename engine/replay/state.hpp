#pragma once
// What the loop looked like after the first k events of a trace: the view
// the GUI draws. Built only from the trace (never from a live loop).
//
// The three big parts (tasks, ready queue, timers) are block containers
// shared between copies (chunked.hpp): a state is cheap to copy and to keep,
// and reads like vectors (size(), [i], range for).

#include <cstdint>
#include <string>
#include <vector>

#include "engine/replay/chunked.hpp"
#include "engine/trace/event.hpp"

namespace loopscope {

enum class TaskState : uint8_t { Created, Ready, Running, Waiting, Done, Cancelled, Failed };
const char* task_state_name(TaskState s);

struct TaskView {
  uint32_t id = 0;                  // creation order (the trace's task number)
  uint32_t name = kNoString;        // string ids in the trace's table
  uint32_t coro = kNoString;        // coroutine qualname
  TaskState state = TaskState::Created;
  uint32_t awaiting = kNoString;    // the W text while Waiting
  uint32_t line = 0;                // source line where it is suspended (0: unknown)
  uint32_t site = 0;                // pool offset of the await chain (0: none)
  uint32_t steps = 0;               // steps taken so far
  uint32_t result = kNoString;      // result or exception text once finished
  uint32_t created_at = 0;          // event index of its task+ event
  uint32_t queued = 0;              // its handles (step/wakeup) in the ready queue
};

struct HandleView {
  uint32_t id = 0;                  // h#n
  uint32_t text = kNoString;        // the callback (CB grammar)
  uint32_t task = UINT32_MAX;       // the task it steps or wakes, if any
  bool cancelled = false;           // Handle.cancel() was called; the loop will skip it
};

struct TimerView {
  uint32_t id = 0;
  double when = 0;
  uint32_t text = kNoString;
};

// The ready queue in queue order (front first), the timers in (when, id)
// order, the tasks by id.
using ReadyQueue = SortedChunks<HandleView, 256>;
using TimerList = SortedChunks<TimerView, 128>;
using TaskList = ChunkedVector<TaskView, 8, 32>;

struct ReplayState {
  size_t cursor = 0;                // events applied: the state after events [0, cursor)
  double now = 0;
  uint64_t iteration = 0;
  bool loop_running = false;
  bool blocked = false;             // the last event was a blocking call
  ReadyQueue ready;                 // the ready queue, front first
  bool has_running = false;
  HandleView running;               // the handle being run, if any
  uint32_t running_task = UINT32_MAX;
  TimerList timers;                 // live timers, sorted by (when, id)
  TaskList tasks;                   // every task created so far, by id
  uint32_t output_lines = 0;        // console lines (OUT and `!`) so far
};

}  // namespace loopscope
