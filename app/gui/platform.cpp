// The platform layer. Linear: set up, loop, tear down in reverse.
#include "app/gui/platform.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope {

namespace {

void glfw_error(int code, const char* text) {
  if (std::getenv("LOOPSCOPE_DEBUG_GLFW")) std::fprintf(stderr, "glfw error %d: %s\n", code, text);
}

// Set by GLFW when the window's content scale changes.
bool g_scale_changed = false;

gui::UiState& ui_of(GLFWwindow* w) { return *static_cast<gui::UiState*>(glfwGetWindowUserPointer(w)); }

void key_callback(GLFWwindow* w, int key, int, int action, int mods) { queue_key(ui_of(w), key, action, mods); }

void char_callback(GLFWwindow* w, unsigned int c) { ui_of(w).input.push_back(gui::InputEvent{-1, 0, c}); }

void drop_callback(GLFWwindow* w, int count, const char** paths) {
  for (int i = 0; i < count; ++i) ui_of(w).dropped.emplace_back(paths[i]);
}

}  // namespace

bool has_display() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

void no_display_message() {
  std::fprintf(stderr,
               "loopscope: no display to open a window on; try `xvfb-run -a loopscope ...`, "
               "or `loopscope run FILE.py` for the transcript in the terminal\n");
}

void queue_key(gui::UiState& ui, int key, int action, int mods) {
  if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
  ui.input.push_back(gui::InputEvent{key, mods, 0});
  bool ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
  using gui::AppKey;
  auto push = [&](AppKey k) { ui.keys.push_back(gui::KeyPress{k, shift}); };
  if (ctrl) {
    if (action != GLFW_PRESS) return;
    if (key == GLFW_KEY_R) push(AppKey::Reload);
    if (key == GLFW_KEY_O) push(AppKey::Open);
    return;
  }
  switch (key) {
    case GLFW_KEY_RIGHT: push(AppKey::Right); break;
    case GLFW_KEY_LEFT: push(AppKey::Left); break;
    case GLFW_KEY_HOME: if (action == GLFW_PRESS) push(AppKey::Home); break;
    case GLFW_KEY_END: if (action == GLFW_PRESS) push(AppKey::End); break;
    case GLFW_KEY_SPACE: if (action == GLFW_PRESS) push(AppKey::Space); break;
    default: break;
  }
}

bool Platform::open(int width, int height, bool visible, const char* title, gui::UiState& ui) {
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) return false;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  window = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!window) {
    // Some software renderers offer only a compatibility context.
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    window = glfwCreateWindow(width, height, title, nullptr, nullptr);
  }
  if (!window) {
    glfwTerminate();
    return false;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  scale_ = gui::choose_ui_scale(std::getenv("LOOPSCOPE_SCALE"), monitor_scale());
  glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { g_scale_changed = true; });
  // Set before ImGui's backend installs its own, which then calls these
  // first: every press is queued, even several within one frame.
  glfwSetWindowUserPointer(window, &ui);
  glfwSetKeyCallback(window, key_callback);
  glfwSetDropCallback(window, drop_callback);
  glfwSetCharCallback(window, char_callback);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  gui::load_fonts(std::round(15.0f * scale_));
  gui::apply_style(scale_);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  return true;
}

// The content scale of the window's monitor (the one it is mostly on),
// or of the primary monitor if the window's is not known.
float Platform::monitor_scale() const {
  float sx = 0, sy = 0;
  glfwGetWindowContentScale(window, &sx, &sy);
  if (std::max(sx, sy) <= 0) {
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(m, &sx, &sy);
  }
  return std::max(sx, sy);
}

// The window moved to a monitor with another scale: fonts and style
// follow (unless LOOPSCOPE_SCALE fixes the scale).
void Platform::follow_monitor_scale() {
  if (!g_scale_changed) return;
  g_scale_changed = false;
  float now = gui::choose_ui_scale(std::getenv("LOOPSCOPE_SCALE"), monitor_scale());
  if (now == scale_) return;
  scale_ = now;
  gui::apply_style(scale_);
  fonts_at_ = -1;  // rebuilt at the new scale by apply_font_scale
}

// View > text size: the fonts are rasterised again at the new size
// (sharper than scaling the glyphs of the old atlas).
void Platform::apply_font_scale(float font_scale) {
  if (font_scale == fonts_at_) return;
  ImGui::GetIO().Fonts->Clear();
  gui::load_fonts(std::round(15.0f * scale_ * font_scale));
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  fonts_at_ = font_scale;
}

void Platform::render_frame(gui::Session& s, gui::UiState& ui, double now, double dt) {
  follow_monitor_scale();
  apply_font_scale(ui.font_scale);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  gui::draw_app(s, ui, now, dt);
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.09f, 0.095f, 0.11f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool Platform::write_png(const std::string& path) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  if (w <= 0 || h <= 0) return false;
  std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows go bottom-up; PNG's top-down.
  std::vector<unsigned char> flipped(pixels.size());
  size_t row = size_t(w) * 4;
  for (int y = 0; y < h; ++y) {
    std::copy_n(pixels.data() + size_t(h - 1 - y) * row, row, flipped.data() + size_t(y) * row);
  }
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  return stbi_write_png(path.c_str(), w, h, 4, flipped.data(), int(row)) != 0;
}

void Platform::close() {
  if (!window) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  window = nullptr;
}

}  // namespace loopscope
