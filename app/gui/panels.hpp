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
void draw_source(Session& s, UiState& ui);
void draw_loop_view(Session& s, UiState& ui, double now);
void draw_tasks(Session& s, UiState& ui, double now);
void draw_timeline(Session& s, UiState& ui, double now);
void draw_console(Session& s, UiState& ui);
void draw_event_log(Session& s, UiState& ui, double now);
void draw_explain(Session& s, UiState& ui);
void draw_dialogs(Session& s, UiState& ui);
void draw_open_dialog(Session& s, UiState& ui);

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
