#pragma once
// The Task tab's model: one task at the cursor, as a learner asks about it.
// Who it is ("Task-2 fetch('a', 1)"), why it is not running (a chain of
// plain sentences to the root cause), where it stands (its coroutine call
// stack with each frame's locals, as recorded when it last started or
// paused) and the moments to jump to (when it last ran, when it runs next).
// Computed from the session without drawing, so tests can call it.

#include <string>
#include <vector>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope::gui {

struct TaskCard {
  uint32_t task = UINT32_MAX;
  std::string title;               // "Task-2 fetch('a', 1)"
  std::string state;               // "waiting"
  std::vector<std::string> why;    // the chain, outermost cause first
  bool recorded = false;           // frames were recorded for this task by now
  std::string stack;               // "main -> fetch -> helper"
  std::string frames_when;         // "when it paused at step 12 (t=0.5 s)"
  TaskFrames frames;               // outermost first (views into the trace)
  size_t last_ran = SIZE_MAX;      // cursor just after its last step began (SIZE_MAX: never)
  size_t next_runs = SIZE_MAX;     // cursor just after its next step begins (SIZE_MAX: never)
  size_t woken = SIZE_MAX;         // cursor just after what ends its wait: a future resolved, a timer, a put
  size_t next_output = SIZE_MAX;   // cursor just after the program's next output line
};

// A task as every panel names it: "Task-2 fetch('a', 1)" (the coroutine's
// name and call arguments when the run recorded them, else "Task-2 fetch").
std::string task_title(const Session& s, uint32_t task);
// The task the tab shows: the selected one, else the running one, else
// the last that ran; UINT32_MAX when there is none.
uint32_t card_task(const Session& s, const UiState& ui);
TaskCard task_card(const Session& s, uint32_t task);
// Why `task` is not running at the cursor, as a chain of sentences.
std::vector<std::string> why_not_running(const Session& s, uint32_t task);

}  // namespace loopscope::gui
