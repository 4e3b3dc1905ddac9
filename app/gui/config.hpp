#pragma once
// What the window remembers from one start to the next: the layout, the
// recent files and the last scenario with its step. A small key=value file
// at $XDG_CONFIG_HOME/loopscope/state.ini (or ~/.config/loopscope/...).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope::gui {

struct SavedState {
  std::string target;     // the last scenario ("" none)
  size_t step = 0;        // its cursor
  int width = 0, height = 0;  // the window size (0: not saved)
  std::vector<std::string> recent;
  float left_fraction = 0.40f, top_fraction = 0.66f, loop_fraction = 0.64f;
  float font_scale = 1.0f;
  bool show_source = true, show_loop = true, show_tasks = true, show_bottom = true;
  std::set<std::string> visited;               // lessons opened
  std::map<std::string, LessonScore> scores;   // lesson quiz scores
};

// The file's path; "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string config_path();
// A missing or unreadable file, or a bad line, gives the defaults for
// what it cannot read.
SavedState load_saved_state(const std::string& path);
// Written to a temporary file then renamed over the old one; false when it
// could not be written.
bool save_state(const std::string& path, const SavedState& state);

SavedState capture_state(const Session& s, const UiState& ui, int width, int height);
void apply_saved_state(const SavedState& state, UiState& ui);

}  // namespace loopscope::gui
