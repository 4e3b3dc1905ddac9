#pragma once
// The window's panels. Each draws its content into the current ImGui
// window or child from the Session and the UiState; none owns state.
//
//   +------------------------------------------------------------+
//   | menu bar                                                   |
//   | toolbar: transport, speed, unit, cursor slider, time, badge |
//   +--------------------+---------------------------------------+
//   | source             | event loop: running, ready, timers,   |
//   |                    |             waiters                   |
//   |                    +---------------------------------------+
//   |                    | tasks table                           |
//   +--------------------+---------------------------------------+
//   | Timeline | Console | Event log | Explain                   |
//   +------------------------------------------------------------+

#include <string>
#include <string_view>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope::gui {

void draw_menu_bar(Session& s, UiState& ui);
void draw_toolbar(Session& s, UiState& ui, double now);
void draw_source(Session& s, UiState& ui, double now);
void draw_loop_view(Session& s, UiState& ui, double now);
void draw_tasks(Session& s, UiState& ui, double now);
void draw_timeline(Session& s, UiState& ui, double now);
void draw_console(Session& s, UiState& ui);
void draw_event_log(Session& s, UiState& ui, double now);
void draw_explain(Session& s, UiState& ui);
// The Variables tab: a task's call stack and locals, why it is not running.
void draw_variables(Session& s, UiState& ui, double now);
// The Await tree tab: living tasks under the tasks that await them.
void draw_await_tree(Session& s, UiState& ui);
// A click on a task (a Tasks table row, a source marker, a waiting chip)
// selects it, or clears the selection when it was selected; a new
// selection opens the Variables tab unless a tab that follows the
// selection (Timeline, Event log) is open.
void select_task(UiState& ui, uint32_t task);
void draw_dialogs(Session& s, UiState& ui);
void draw_open_dialog(Session& s, UiState& ui);

// The Editor panel and its commands (editor_view.cpp, editor_commands.cpp,
// save_dialog.cpp).
void draw_editor(Session& s, UiState& ui, double now);
void draw_save_dialog(Session& s, UiState& ui);
void draw_unsaved_prompt(Session& s, UiState& ui);
// A button that a script can click by its label (UiState::click).
bool control_button(UiState& ui, const char* label, float width = 0);
bool editor_modified(const UiState& ui);
// False (and the Save / Discard / Cancel question asked) when the editor
// has unsaved edits: `action` then runs after the answer.
bool may_leave(UiState& ui, PendingAction action);
// The editor takes the open file's text, unless it has unsaved edits.
void sync_editor(Session& s, UiState& ui);
// Ctrl+S: 1 saved (and run again), 0 failed, -1 a lesson: Save As asked.
int save_editor(Session& s, UiState& ui);
void start_save_as(Session& s, UiState& ui, SaveMode mode);
void finish_save_as(Session& s, UiState& ui, const std::string& path);
void new_scenario(Session& s, UiState& ui);
// The open file changed on disk to what the editor last saved or loaded
// (its own save, already run): no reload is needed.
bool change_is_ours(const UiState& ui, const std::string& target);
// The window is asked to close: true when it may now.
bool request_close(UiState& ui);

// The Lesson tab and its questions (lessons_view.cpp).
void draw_lessons(Session& s, UiState& ui);
void draw_question(Session& s, UiState& ui);
// The chapter's three questions (Lesson tab): answered by choosing (a click
// or the choice's number), then shown by opening the lesson that proves it.
void draw_knowledge_check(Session& s, UiState& ui);
constexpr const char* kKnowledgeCheck = "knowledge_check";  // its score's name
// Keeps the lesson progress in step with the open run (a new run: its
// questions not asked yet; a lesson opened: visited).
void track_lesson(Session& s, UiState& ui);
// A move forward from `from` to `to` stops at the first question not yet
// answered on the way, pausing and asking it; returns where to go.
size_t stop_at_question(Session& s, UiState& ui, size_t from, size_t to);

// Opens a scenario (a path or a built-in name) as File > Open does: on
// success it becomes the first recent file and the views start over.
void open_target(Session& s, UiState& ui, const std::string& target);
// Runs the open file again, keeping the place (Ctrl+R, a change on disk).
void reload_target(Session& s, UiState& ui);

// The whole window for one frame: keys, playback, menu, panes. `now` is the
// app clock in seconds, `dt` the time since the last frame.
void draw_app(Session& s, UiState& ui, double now, double dt);

// Animation progress of the last single step, 0..1 (1: no animation).
float step_animation(const Session& s, double now);

// Brings the event log's filtered rows up to date, spending at most
// `budget_seconds` (0: no limit) before returning; v.scanned tells how far
// it got.
void update_rows(const Replay& r, EventLogView& v, uint32_t task, double budget_seconds);

// `text` cut to fit in `max_width` pixels of the current font, ending in an
// ellipsis when cut; unchanged when it fits.
std::string fit_text(std::string_view text, float max_width);

// A small panel heading.
void panel_title(const char* title, const char* hint = nullptr);
// Centred grey text for a panel with nothing to show.
void empty_state(const char* text);

}  // namespace loopscope::gui
