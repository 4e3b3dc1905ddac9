#pragma once
// The plain data the panels show (boxes, timer marks, task rows, wait
// groups), apart from the functions that compute them so that the
// session's view cache can hold them.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/replay/replay.hpp"

namespace loopscope::gui {

// A box in the ready queue (or the running slot).
struct QueueBox {
  uint32_t handle = 0;         // h#n; 0 for the "+N more" box
  std::string label;           // "Task-2.step", "gather callback", "+99,950 more"
  std::string tooltip;         // the full callback text
  uint32_t task = UINT32_MAX;  // the task it steps or wakes
  bool cancelled = false;
  size_t more = 0;             // the "+N more" box: how many are not drawn
};

struct TimerMark {
  uint32_t handle = 0;
  double when = 0;
  std::string label;   // the owner: "Task-2 sleep" or the callback
  std::string tooltip;
};

struct TaskRow {
  uint32_t task = 0;
  std::string name, state, awaits, line, steps, result;
  std::string coro;  // the coroutine it runs: "fetch" (empty when unknown)
  std::string call;  // the same as called, when the run recorded it: "fetch('a', 1)"
  TaskState state_value = TaskState::Created;
};

// Waiting tasks grouped by what they wait on.
struct WaitGroup {
  std::string title;               // "timer", "gather F#1 [Task-2, Task-3]", "Queue#1", "task Task-2"
  // The title in shorter forms, longest first (a gather naming fewer of its
  // children); the panel draws the first that fits its box.
  std::vector<std::string> shorter_titles;
  std::string kind;                // "sleep", "task", "gather", "object", "future"
  std::vector<uint32_t> tasks;
  std::vector<std::string> notes;  // per task: "get", "until t=1.000"
  // What is known about the object itself, one line each ("holder: Task-3
  // ..."); the trace records waits and wakeups only, so these say when a
  // fact is not in it.
  std::vector<std::string> facts;
};

}  // namespace loopscope::gui
