// The desktop window's loop and offscreen screenshots.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/gui/app.hpp"
#include "app/gui/config.hpp"
#include "app/gui/gui.hpp"
#include "app/gui/panels.hpp"

namespace loopscope {

namespace gui {

void App::frame(double now, double dt) {
  watch.watch(session.target);
  if (watch.changed(now) && !change_is_ours(ui, session.target)) ui.reload_requested = true;
  platform.render_frame(session, ui, now, dt);
}

std::string App::use_folder(const std::string& folder) {
  ui.folder = folder;
  ui.folder_files = scenario_files(folder);
  return ui.folder_files.empty() ? std::string() : ui.folder_files.front();
}

void App::restore_layout(int& width, int& height) {
  saved = load_saved_state(config_path());
  apply_saved_state(saved, ui);
  if (saved.width > 0) width = saved.width, height = saved.height;
}

void App::open_first(const std::string& given) {
  std::error_code ec;
  std::string target = given;
  if (!target.empty() && std::filesystem::is_directory(target, ec)) target = use_folder(target);
  bool resume = target.empty() && !saved.target.empty();
  if (resume) target = saved.target;
  open_target(session, ui, target.empty() ? default_scenario() : target);
  if (resume && !session.loaded()) open_target(session, ui, default_scenario());
  else if (resume) session.seek(saved.step);
}

void App::save(int width, int height) { save_state(config_path(), capture_state(session, ui, width, height)); }

}  // namespace gui

namespace {

using gui::App;

std::string screenshot_name(const gui::Session& s) {
  std::string base = s.run ? s.run->name : "loopscope";
  return base + "-step" + std::to_string(s.cursor) + ".png";
}

}  // namespace

int run_gui(const GuiOptions& options) {
  if (!has_display()) {
    no_display_message();
    return 1;
  }
  App app;
  int width = options.width, height = options.height;
  app.restore_layout(width, height);
  if (!app.platform.open(width, height, true, "loopscope", app.ui)) {
    no_display_message();
    return 1;
  }
  app.open_first(options.scenario);
  GLFWwindow* w = app.platform.window;
  double last = glfwGetTime();
  while (true) {
    // Closing asks first when the editor has unsaved edits.
    if (glfwWindowShouldClose(w) || app.ui.quit) {
      app.ui.quit = false;
      glfwSetWindowShouldClose(w, GLFW_FALSE);
      if (gui::request_close(app.ui)) break;
    }
    if (app.ui.editor.quit_now) break;
    // Sleep when idle (waking to look at the file watch); keep frames
    // coming while playing or animating.
    if (app.ui.playing || gui::step_animation(app.session, glfwGetTime()) < 1.0f) glfwPollEvents();
    else glfwWaitEventsTimeout(0.25);
    double now = glfwGetTime();
    app.frame(now, now - last);
    last = now;
    if (app.ui.screenshot) {
      app.ui.screenshot = false;
      std::string path = screenshot_name(app.session);
      app.ui.status = app.platform.write_png(path) ? "Screenshot saved to " + path : "Could not write " + path;
    }
    glfwSwapBuffers(w);
  }
  glfwGetWindowSize(w, &width, &height);
  app.save(width, height);
  return 0;
}

int take_screenshot(const ScreenshotOptions& options) {
  if (options.out.empty()) {
    std::fprintf(stderr, "loopscope screenshot: give the PNG path with -o OUT.png\n");
    return 2;
  }
  App app;
  if (!app.session.load(options.scenario)) {
    std::fprintf(stderr, "loopscope screenshot: %s\n", app.session.load_error.c_str());
    for (const std::string& l : app.session.error_lines) std::fprintf(stderr, "%s\n", l.c_str());
    // A file that does not compile is shown as the window shows it: the
    // errors in a banner and in the source. A file that cannot be read has
    // nothing to show.
    if (app.session.error_lines.empty()) return 2;
  }
  if (!has_display()) {
    no_display_message();
    return 1;
  }
  if (!app.platform.open(options.width, options.height, false, "loopscope screenshot", app.ui)) {
    no_display_message();
    return 1;
  }
  gui::UiState& ui = app.ui;
  if (options.tab == "timeline") ui.tab = gui::BottomTab::Timeline;
  if (options.tab == "console") ui.tab = gui::BottomTab::Console;
  if (options.tab == "log") ui.tab = gui::BottomTab::EventLog;
  if (options.tab.empty() || options.tab == "explain") ui.tab = gui::BottomTab::Explain;
  if (options.tab == "lesson") ui.tab = gui::BottomTab::Lesson;
  if (options.tab == "variables") ui.tab = gui::BottomTab::Variables;
  if (options.tab == "awaits") ui.tab = gui::BottomTab::AwaitTree;
  if (options.task >= 0) ui.selected_task = uint32_t(options.task);
  size_t step = options.step < 0 ? app.session.size() : std::min(size_t(options.step), app.session.size());
  app.session.seek(step, 0.0, false);
  // A few frames so that tables and wrapped text settle their sizes.
  for (int i = 0; i < 4; ++i) {
    glfwPollEvents();
    app.platform.render_frame(app.session, ui, 10.0 + i, 1.0 / 60);
    if (i < 3) glfwSwapBuffers(app.platform.window);
  }
  bool ok = app.platform.write_png(options.out);
  if (!ok) {
    std::fprintf(stderr, "loopscope screenshot: could not write %s\n", options.out.c_str());
    return 1;
  }
  std::printf("wrote %s (%dx%d, step %zu of %zu)\n", options.out.c_str(), options.width, options.height, step,
              app.session.size());
  return 0;
}

}  // namespace loopscope
