#pragma once
// The desktop window (Dear ImGui + GLFW + OpenGL 3) and offscreen screenshots.

#include <string>

namespace loopscope {

struct GuiOptions {
  std::string scenario;  // a .py path or a built-in name; empty: the first lesson
  int width = 1280;
  int height = 800;
};

// Opens the window and runs until it is closed. Without a display it prints
// one line suggesting `xvfb-run -a loopscope ...` or `loopscope run FILE.py`
// and returns 1.
int run_gui(const GuiOptions& options);

struct ScreenshotOptions {
  std::string scenario;   // a .py path or a built-in name
  long step = -1;         // the cursor: event index; -1 means the end
  int width = 1280;
  int height = 800;
  std::string out;        // PNG path
  std::string tab;        // bottom tab: "lesson", "timeline", "console", "log", "explain" (the default), "variables" or "awaits"
  long task = -1;         // the task selected (its number, as in Task-N's list order: 0 is the first)
};

// Renders the real window offscreen at the given step and writes a PNG.
int take_screenshot(const ScreenshotOptions& options);

struct DriveOptions {
  std::string script;     // the actions, one a line (see app/gui/drive.cpp)
  std::string scenario;   // opened first, if given
  bool restore = false;   // start and end as the window does: the saved state restored, then saved
  int width = 1280;
  int height = 800;
};

// Runs the real window offscreen, driven by a script of actions; `dump`
// actions print the visible state. 0 when every action worked.
int run_drive(const DriveOptions& options);

}  // namespace loopscope
