#pragma once
// What the panels show, computed from the session without drawing, so tests
// can check it in a plain function call.

#include <string>
#include <string_view>
#include <vector>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"
#include "engine/replay/explain.hpp"

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
// A short label for a callback text (the CB grammar).
std::string callback_label(std::string_view text);
// The ready queue front first, at most `max_boxes` boxes (the last one
// aggregates the rest as "+N more").
std::vector<QueueBox> ready_boxes(const Session& s, size_t max_boxes);
std::vector<QueueBox> ready_boxes_of(const Session& s, const ReplayState& state, size_t max_boxes);
// One ready handle's box, and the box that stands for `more` handles.
QueueBox queue_box(const Session& s, const HandleView& h);
QueueBox more_box(size_t more);
// The handle in the running slot, if any.
bool running_box(const Session& s, const ReplayState& state, QueueBox& out);

struct TimerMark {
  uint32_t handle = 0;
  double when = 0;
  std::string label;   // the owner: "Task-2 sleep" or the callback
  std::string tooltip;
};
std::vector<TimerMark> timer_marks(const Session& s, size_t max_marks);
// timer_marks(s, 300), computed once per cursor.
const std::vector<TimerMark>& cached_timer_marks(const Session& s);

struct TaskRow {
  uint32_t task = 0;
  std::string name, state, awaits, line, steps, result;
  TaskState state_value = TaskState::Created;
};
// Every task at the cursor, in creation order (asyncio internals hidden
// unless `internals`).
std::vector<TaskRow> task_rows(const Session& s, bool internals);
// The same, lazily: the ids of the rows (cached per cursor), then one row.
const std::vector<uint32_t>& task_row_ids(const Session& s, bool internals);
TaskRow task_row(const Session& s, uint32_t task);
bool is_internal_task(const Session& s, uint32_t task);

// describe_await of a string of the trace, remembered: panels ask for the
// same few on every frame, and a gather's text can be megabytes.
const std::string& await_description(const Session& s, uint32_t awaited);

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
std::vector<WaitGroup> wait_groups(const Session& s);
// wait_groups(s), computed once per cursor.
const std::vector<WaitGroup>& cached_wait_groups(const Session& s);

// Thousands separators: 99950 -> "99,950".
using loopscope::with_commas;
// At most `max_chars` bytes of a text, cut with "..." (never inside a
// UTF-8 character): for tooltips of texts that can be megabytes long.
std::string clip_text(std::string_view text, size_t max_chars);
// "step 12 of 340"
std::string step_label(const Session& s);

// Cursor moves for the step unit.
size_t step_forward(const Session& s, StepUnit unit);
size_t step_forward_from(const Replay& r, size_t k, StepUnit unit);
size_t step_back(const Session& s, StepUnit unit);

}  // namespace loopscope::gui
