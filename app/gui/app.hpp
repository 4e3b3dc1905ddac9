#pragma once
// The window's parts together: the session, the UI state, the watch on the
// open file and the platform window. The desktop loop, screenshots and the
// drive mode all run frames through it.

#include <string>

#include "app/gui/config.hpp"
#include "app/gui/file_watch.hpp"
#include "app/gui/platform.hpp"
#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope::gui {

struct App {
  Session session;
  UiState ui;
  FileWatch watch;
  Platform platform;  // last: closed first, while `ui` it queues into still exists

  // One frame at app time `now`: the file watch, then draw and render
  // (the caller swaps buffers or reads the pixels).
  void frame(double now, double dt);
  // A scenario folder given on the command line: its .py files go to the
  // Scenarios menu; returns the first one ("" if none).
  std::string use_folder(const std::string& folder);
  // The state saved at the last close (layout, recent files), before the
  // window opens; `saved_size` is the window size it had (0: none).
  void restore_layout(int& width, int& height);
  // Opens `target` (a file, a built-in name or a folder); with none, the
  // last scenario at its step if it is still there, else the first lesson.
  void open_first(const std::string& target);
  // Saves the layout, recent files and the scenario with its step.
  void save(int width, int height);
  SavedState saved;
};

}  // namespace loopscope::gui
