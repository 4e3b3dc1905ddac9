#pragma once
// The platform layer: a GLFW window with an OpenGL 3 context, ImGui's GLFW
// and OpenGL 3 backends, the input it queues for the app (key presses,
// dropped files) and PNG screenshots read back with glReadPixels.

#include <string>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

struct GLFWwindow;

namespace loopscope {

bool has_display();
void no_display_message();

class Platform {
 public:
  ~Platform() { close(); }
  // Opens the window; its key presses and drops are queued into `ui`,
  // which must outlive the window.
  bool open(int width, int height, bool visible, const char* title, gui::UiState& ui);
  void render_frame(gui::Session& s, gui::UiState& ui, double now, double dt);
  // Reads the frame just rendered (before the swap) and writes a PNG.
  bool write_png(const std::string& path);
  void close();
  GLFWwindow* window = nullptr;

 private:
  float monitor_scale() const;
  void follow_monitor_scale();
  void apply_font_scale(float font_scale);
  float scale_ = 1.0f;
  float fonts_at_ = 1.0f;  // the text size the font atlas was built for
};

// What a GLFW key event queues for the app (a press or repeat of a step
// key, Ctrl+R, Ctrl+O); the drive mode sends its keys through it too.
void queue_key(gui::UiState& ui, int glfw_key, int action, int mods);

}  // namespace loopscope
