// The commands the menus, keys, drops and the file watch share: open a
// scenario, reload it.
#include <algorithm>

#include "app/gui/panels.hpp"

namespace loopscope::gui {

namespace {

void remember_recent(UiState& ui, const std::string& target) {
  ui.recent.erase(std::remove(ui.recent.begin(), ui.recent.end(), target), ui.recent.end());
  ui.recent.insert(ui.recent.begin(), target);
  if (ui.recent.size() > 10) ui.recent.resize(10);
}

// A new run: what the views remembered about the old one no longer holds.
void start_views_over(UiState& ui) {
  ui.playing = false;
  ui.selected_task = UINT32_MAX;
  ui.log.built_size = 0;
  ui.timeline.begin = ui.timeline.end = 0;
}

}  // namespace

void open_target(Session& s, UiState& ui, const std::string& target) {
  if (!may_leave(ui, {PendingAction::Kind::Open, target})) return;
  bool ok = s.load(target);
  start_views_over(ui);
  sync_editor(s, ui);
  if (!ok) {
    ui.status = s.load_error;
    return;
  }
  remember_recent(ui, s.target);
  ui.status = "Opened " + s.target;
}

void reload_target(Session& s, UiState& ui) {
  if (s.target.empty()) return;
  if (!may_leave(ui, {PendingAction::Kind::Reload, {}})) return;
  bool had_run = s.loaded();
  size_t tasks = s.loaded() ? s.replay->task_count() : 0;
  bool ok = s.reload();
  sync_editor(s, ui);
  if (!ok) {
    ui.status = s.load_error;
    return;
  }
  ui.playing = false;
  if (!had_run || s.replay->task_count() != tasks) ui.selected_task = UINT32_MAX;
  ui.timeline.begin = ui.timeline.end = 0;
  remember_recent(ui, s.target);
  ui.status = "Reloaded " + s.target;
}

}  // namespace loopscope::gui
