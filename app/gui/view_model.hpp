#pragma once
// What the panels show, computed from the session without drawing, so tests
// can check it in a plain function call.

#include <string>
#include <string_view>
#include <vector>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"
#include "app/gui/view_types.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

// A short label for a callback text (the CB grammar).
std::string callback_label(std::string_view text, bool from_timer);
// The cursor just after the next (forward) or the last (backward) moment
// before the cursor that source line `line` ran: a task suspended or resumed
// there, or a print or blocking call made there. SIZE_MAX: none.
size_t line_runs_at(const Session& s, uint32_t line, bool forward);
// The ready queue front first, at most `max_boxes` boxes (the last one
// aggregates the rest as "+N more").
std::vector<QueueBox> ready_boxes(const Session& s, size_t max_boxes);
std::vector<QueueBox> ready_boxes_of(const Session& s, const ReplayState& state, size_t max_boxes);
// One ready handle's box, and the box that stands for `more` handles.
QueueBox queue_box(const Session& s, const HandleView& h);
QueueBox more_box(size_t more);
// The handle in the running slot, if any.
bool running_box(const Session& s, const ReplayState& state, QueueBox& out);

std::vector<TimerMark> timer_marks(const Session& s, size_t max_marks);
// timer_marks(s, 300), computed once per cursor.
const std::vector<TimerMark>& cached_timer_marks(const Session& s);

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

// The line the uncaught exception was raised at, once the cursor has
// passed the event that reports it (0 otherwise).
int exception_line_at_cursor(const Session& s);

// The line the running task is at (0: no task runs): where it printed or
// blocked last in this step, where it resumed, or, in its first step before
// either, the `def` line of its coroutine.
uint32_t running_line(const Session& s);

// Cursor moves for the step unit.
size_t step_forward(const Session& s, StepUnit unit);
size_t step_forward_from(const Replay& r, size_t k, StepUnit unit);
size_t step_back(const Session& s, StepUnit unit);

}  // namespace loopscope::gui
