// The platform layer: a GLFW window with an OpenGL 3 context, ImGui's GLFW
// and OpenGL 3 backends, and PNG screenshots read back with glReadPixels.
// Linear: set up, loop, tear down in reverse.
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

#include "app/gui/gui.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/session.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope {

namespace {

using gui::Session;
using gui::UiState;

void glfw_error(int code, const char* text) {
  if (std::getenv("LOOPSCOPE_DEBUG_GLFW")) std::fprintf(stderr, "glfw error %d: %s\n", code, text);
}

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

// Set by GLFW when the window's content scale changes (a plain callback
// cannot reach the Platform).
bool g_scale_changed = false;

struct Platform {
  GLFWwindow* window = nullptr;
  float scale = 1.0f;
  float fonts_at = 1.0f;  // the text size the font atlas was built for

  bool open(int width, int height, bool visible, const char* title) {
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
    scale = gui::choose_ui_scale(std::getenv("LOOPSCOPE_SCALE"), monitor_scale());
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float, float) { g_scale_changed = true; });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    gui::load_fonts(std::round(15.0f * scale));
    gui::apply_style(scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
  }

  // The content scale of the window's monitor (the one it is mostly on),
  // or of the primary monitor if the window's is not known.
  float monitor_scale() const {
    float sx = 0, sy = 0;
    glfwGetWindowContentScale(window, &sx, &sy);
    if (std::max(sx, sy) <= 0) {
      if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(m, &sx, &sy);
    }
    return std::max(sx, sy);
  }

  // The window moved to a monitor with another scale: fonts and style
  // follow (unless LOOPSCOPE_SCALE fixes the scale).
  void follow_monitor_scale() {
    if (!g_scale_changed) return;
    g_scale_changed = false;
    float now = gui::choose_ui_scale(std::getenv("LOOPSCOPE_SCALE"), monitor_scale());
    if (now == scale) return;
    scale = now;
    gui::apply_style(scale);
    fonts_at = -1;  // rebuilt at the new scale by apply_font_scale
  }

  // View > text size: the fonts are rasterised again at the new size
  // (sharper than scaling the glyphs of the old atlas).
  void apply_font_scale(float font_scale) {
    if (font_scale == fonts_at) return;
    ImGui::GetIO().Fonts->Clear();
    gui::load_fonts(std::round(15.0f * scale * font_scale));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    fonts_at = font_scale;
  }

  void render_frame(Session& s, UiState& ui, double now, double dt) {
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

  // Reads the frame just rendered (before the swap) and writes a PNG.
  bool write_png(const std::string& path) {
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

  void close() {
    if (!window) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    window = nullptr;
  }
};

std::string screenshot_name(const Session& s) {
  std::string base = s.run ? s.run->name : "loopscope";
  return base + "-step" + std::to_string(s.cursor) + ".png";
}

}  // namespace

int run_gui(const GuiOptions& options) {
  if (!has_display()) {
    no_display_message();
    return 1;
  }
  Platform p;
  if (!p.open(options.width, options.height, true, "loopscope")) {
    no_display_message();
    return 1;
  }
  Session session;
  UiState ui;
  session.load(options.scenario.empty() ? gui::default_scenario() : options.scenario);
  if (session.loaded()) ui.recent.push_back(session.target);
  double last = glfwGetTime();
  while (!glfwWindowShouldClose(p.window) && !ui.quit) {
    // Sleep when idle; keep frames coming while playing or animating.
    if (ui.playing || gui::step_animation(session, glfwGetTime()) < 1.0f) glfwPollEvents();
    else glfwWaitEventsTimeout(0.25);
    double now = glfwGetTime();
    p.render_frame(session, ui, now, now - last);
    last = now;
    if (ui.screenshot) {
      ui.screenshot = false;
      std::string path = screenshot_name(session);
      ui.status = p.write_png(path) ? "Screenshot saved to " + path : "Could not write " + path;
    }
    glfwSwapBuffers(p.window);
  }
  p.close();
  return 0;
}

int take_screenshot(const ScreenshotOptions& options) {
  if (options.out.empty()) {
    std::fprintf(stderr, "loopscope screenshot: give the PNG path with -o OUT.png\n");
    return 2;
  }
  Session session;
  if (!session.load(options.scenario)) {
    std::fprintf(stderr, "loopscope screenshot: %s\n", session.load_error.c_str());
    for (const std::string& l : session.error_lines) std::fprintf(stderr, "%s\n", l.c_str());
    // A file that does not compile is shown as the window shows it: the
    // errors in a banner. A file that cannot be read has nothing to show.
    if (session.error_lines.empty()) return 2;
  }
  if (!has_display()) {
    no_display_message();
    return 1;
  }
  Platform p;
  if (!p.open(options.width, options.height, false, "loopscope screenshot")) {
    no_display_message();
    return 1;
  }
  UiState ui;
  if (options.tab == "timeline") ui.tab = gui::BottomTab::Timeline;
  if (options.tab == "console") ui.tab = gui::BottomTab::Console;
  if (options.tab == "log") ui.tab = gui::BottomTab::EventLog;
  size_t step = options.step < 0 ? session.size() : std::min(size_t(options.step), session.size());
  session.seek(step, 0.0, false);
  // A few frames so that tables and wrapped text settle their sizes.
  for (int i = 0; i < 4; ++i) {
    glfwPollEvents();
    p.render_frame(session, ui, 10.0 + i, 1.0 / 60);
    if (i < 3) glfwSwapBuffers(p.window);
  }
  bool ok = p.write_png(options.out);
  p.close();
  if (!ok) {
    std::fprintf(stderr, "loopscope screenshot: could not write %s\n", options.out.c_str());
    return 1;
  }
  std::printf("wrote %s (%dx%d, step %zu of %zu)\n", options.out.c_str(), options.width, options.height, step,
              session.size());
  return 0;
}

}  // namespace loopscope
