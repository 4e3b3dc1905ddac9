// `loopscope drive SCRIPT`: the real window (offscreen) driven by a script
// of actions, each sent through the same callbacks a user's input goes
// through, with a text dump of what the window shows. One action a line:
//
//   open PATH            Ctrl+O, the path typed into the dialog's field, Enter
//   key NAME [COUNT]     COUNT presses (all within one frame for the step
//                        keys and in the editor); NAME: Right Left Home End
//                        Space Up Down Enter Backspace Delete Escape Tab
//                        PageUp PageDown F1 F3 or a letter or digit, after any of
//                        Ctrl+ Shift+ (Ctrl+R, Ctrl+Shift+Z, Shift+Tab)
//   chars TEXT           TEXT typed character by character (into the
//                        editor when it has the focus), then one frame
//   click LABEL          the button (or left tab: Source, Editor) with that
//                        label acts as if clicked; fails if none is on screen
//   close                the window is asked to close (as its close box does)
//   type TEXT            select the focused field's text and type TEXT over it
//   drop PATH...         drop files on the window
//   write PATH           the lines up to "EOF" become the file (written to a
//                        temporary file, then renamed over it)
//   wait-reload [SECS]   frames until the file watch reloaded the run
//   frames N             N frames
//   dump                 the window's state as text
//   expect TEXT          fails (exit 1) unless the dump contains TEXT
//   checkpoint N         go to the lesson's checkpoint N (1 the first); fails
//                        when the open scenario has fewer
//   check-layout         fails, listing them, when the last frame drew text
//                        cut off (layout_check.hpp)
//   compare [SECS]       Run > Compare with CPython, then frames until its
//                        result window shows (fails after SECS, default 120)
//   screenshot OUT.png
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "app/gui/app.hpp"
#include "app/gui/gui.hpp"
#include "app/gui/layout_check.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/window_dump.hpp"

namespace loopscope {

namespace {

using gui::App;

struct Driver {
  App& app;
  double clock = 100.0;  // app time: 1/60 s a frame

  void frame() {
    glfwPollEvents();
    clock += 1.0 / 60;
    app.frame(clock, 1.0 / 60);
    glfwSwapBuffers(app.platform.window);
  }
  void key_event(int key, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(app.platform.window, key, glfwGetKeyScancode(key), action, mods);
  }
  // Press and release on separate frames, as a person does.
  void tap(int key, int mods) {
    if (mods & GLFW_MOD_CONTROL) key_event(GLFW_KEY_LEFT_CONTROL, GLFW_PRESS, mods);
    if (mods & GLFW_MOD_SHIFT) key_event(GLFW_KEY_LEFT_SHIFT, GLFW_PRESS, mods);
    key_event(key, GLFW_PRESS, mods);
    frame();
    key_event(key, GLFW_RELEASE, mods);
    if (mods & GLFW_MOD_SHIFT) key_event(GLFW_KEY_LEFT_SHIFT, GLFW_RELEASE, 0);
    if (mods & GLFW_MOD_CONTROL) key_event(GLFW_KEY_LEFT_CONTROL, GLFW_RELEASE, 0);
    frame();
  }
  // COUNT presses and releases before one frame: none may be lost.
  void burst(int key, int count) {
    for (int i = 0; i < count; ++i) {
      key_event(key, GLFW_PRESS, 0);
      key_event(key, GLFW_RELEASE, 0);
    }
    frame();
  }
  // COUNT presses of a key with modifiers before one frame.
  void chord(int key, int mods, int count) {
    if (mods & GLFW_MOD_CONTROL) key_event(GLFW_KEY_LEFT_CONTROL, GLFW_PRESS, mods);
    if (mods & GLFW_MOD_SHIFT) key_event(GLFW_KEY_LEFT_SHIFT, GLFW_PRESS, mods);
    for (int i = 0; i < count; ++i) {
      key_event(key, GLFW_PRESS, mods);
      key_event(key, GLFW_RELEASE, mods);
    }
    frame();
    if (mods & GLFW_MOD_SHIFT) key_event(GLFW_KEY_LEFT_SHIFT, GLFW_RELEASE, 0);
    if (mods & GLFW_MOD_CONTROL) key_event(GLFW_KEY_LEFT_CONTROL, GLFW_RELEASE, 0);
    frame();
  }
  void chars(const std::string& text) {
    for (unsigned char c : text) ImGui_ImplGlfw_CharCallback(app.platform.window, c);
    frame();
  }
  void type(const std::string& text) {
    key_event(GLFW_KEY_LEFT_CONTROL, GLFW_PRESS, GLFW_MOD_CONTROL);
    tap(GLFW_KEY_A, GLFW_MOD_CONTROL);
    key_event(GLFW_KEY_LEFT_CONTROL, GLFW_RELEASE, 0);
    for (unsigned char c : text) ImGui_ImplGlfw_CharCallback(app.platform.window, c);
    frame();
  }
  bool wait_reload(double seconds) {
    uint64_t before = app.session.replay ? app.session.replay->serial() : 0;
    std::string error = app.session.load_error;
    auto start = std::chrono::steady_clock::now();
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      clock += 0.02;
      frame();
      uint64_t now = app.session.replay ? app.session.replay->serial() : 0;
      if (now != before || app.session.load_error != error) return true;
    }
    return false;
  }
  std::string dump() const { return gui::describe_window(app.session, app.ui, app.ui.browser.shown); }
};

const std::map<std::string, int> kKeys = {
    {"Right", GLFW_KEY_RIGHT}, {"Left", GLFW_KEY_LEFT},     {"Home", GLFW_KEY_HOME},
    {"End", GLFW_KEY_END},     {"Space", GLFW_KEY_SPACE},   {"Up", GLFW_KEY_UP},
    {"Down", GLFW_KEY_DOWN},   {"Enter", GLFW_KEY_ENTER},   {"Backspace", GLFW_KEY_BACKSPACE},
    {"Escape", GLFW_KEY_ESCAPE}, {"Tab", GLFW_KEY_TAB},         {"Delete", GLFW_KEY_DELETE},
    {"PageUp", GLFW_KEY_PAGE_UP}, {"PageDown", GLFW_KEY_PAGE_DOWN}, {"F1", GLFW_KEY_F1}, {"F3", GLFW_KEY_F3}};

// A key name with its modifiers (Ctrl+Shift+Z); false for an unknown one.
bool parse_key(std::string name, int& key, int& mods) {
  mods = 0;
  for (auto [prefix, bit] : {std::pair{"Ctrl+", GLFW_MOD_CONTROL}, std::pair{"Shift+", GLFW_MOD_SHIFT}}) {
    std::string p(prefix);
    if (name.rfind(p, 0) == 0 && name.size() > p.size()) {
      mods |= bit;
      name = name.substr(p.size());
    }
  }
  if (name.rfind("Ctrl+", 0) == 0 && name.size() > 5) {  // Shift+Ctrl+...
    mods |= GLFW_MOD_CONTROL;
    name = name.substr(5);
  }
  if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') {
    key = GLFW_KEY_A + (name[0] - 'A');
    return true;
  }
  if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
    key = GLFW_KEY_0 + (name[0] - '0');
    return true;
  }
  auto it = kKeys.find(name);
  if (it == kKeys.end()) return false;
  key = it->second;
  return true;
}

bool is_step_key(int key) {
  return key == GLFW_KEY_RIGHT || key == GLFW_KEY_LEFT || key == GLFW_KEY_HOME || key == GLFW_KEY_END;
}

// One action; false (with a message on stderr) when it fails.
bool run_action(Driver& d, const std::string& verb, std::istringstream& args, std::istream& script) {
  std::string rest;
  std::getline(args >> std::ws, rest);
  if (verb == "open") {
    d.tap(GLFW_KEY_O, GLFW_MOD_CONTROL);
    d.type(rest);
    d.tap(GLFW_KEY_ENTER, 0);
    return true;
  }
  if (verb == "key") {
    std::istringstream in(rest);
    std::string name;
    int count = 1;
    in >> name >> count;
    int key = 0, mods = 0;
    if (!parse_key(name, key, mods)) return std::cerr << "drive: unknown key " << name << "\n", false;
    if (d.app.ui.editor.focused && !ImGui::GetIO().WantTextInput) d.chord(key, mods, count);
    else if (mods) for (int i = 0; i < count; ++i) d.tap(key, mods);
    else if (is_step_key(key)) d.burst(key, count);
    else for (int i = 0; i < count; ++i) d.tap(key, 0);
    return true;
  }
  if (verb == "chars") return d.chars(rest), true;
  if (verb == "click") {
    d.app.ui.click = rest;
    d.frame();
    if (d.app.ui.click.empty()) return d.frame(), true;
    d.app.ui.click.clear();
    return std::cerr << "drive: no control \"" << rest << "\" on screen\n", false;
  }
  if (verb == "close") {
    if (gui::request_close(d.app.ui)) d.app.ui.editor.quit_now = true;
    d.frame();
    return true;
  }
  if (verb == "type") return d.type(rest), true;
  if (verb == "drop") {
    // What GLFW's drop callback does with a drop: the paths queued.
    std::istringstream in(rest);
    for (std::string p; in >> p;) d.app.ui.dropped.push_back(p);
    d.frame();
    return true;
  }
  if (verb == "write") {
    std::string text;
    for (std::string l; std::getline(script, l) && l != "EOF";) text += l + "\n";
    std::string tmp = rest + ".drive-tmp";
    std::ofstream(tmp) << text;
    return std::rename(tmp.c_str(), rest.c_str()) == 0 || (std::cerr << "drive: cannot write " << rest << "\n", false);
  }
  if (verb == "wait-reload") {
    double secs = rest.empty() ? 5.0 : std::atof(rest.c_str());
    return d.wait_reload(secs) || (std::cerr << "drive: no reload within " << secs << " s\n", false);
  }
  if (verb == "frames") {
    for (int i = 0, n = std::atoi(rest.c_str()); i < n; ++i) d.frame();
    return true;
  }
  if (verb == "dump") return std::cout << d.dump() << "--\n", true;
  if (verb == "expect") {
    std::string now = d.dump();
    if (now.find(rest) != std::string::npos) return true;
    std::cerr << "drive: expected \"" << rest << "\" in:\n" << now;
    return false;
  }
  if (verb == "compare") {
    gui::CompareView& c = d.app.ui.compare;
    if (!d.app.session.loaded()) return std::cerr << "drive: nothing to compare\n", false;
    gui::start_compare(c, d.app.session.run, d.app.session.target, d.clock);
    double secs = rest.empty() ? 120.0 : std::atof(rest.c_str());
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(secs);
    while (c.running() && std::chrono::steady_clock::now() < until) {
      d.frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    d.frame();
    d.frame();
    return !c.running() || (std::cerr << "drive: no comparison within " << secs << " s\n", false);
  }
  if (verb == "checkpoint") {
    const std::vector<ReachedCheckpoint>& reached = d.app.session.lesson.reached;
    size_t n = size_t(std::atoi(rest.c_str()));
    if (n == 0 || n > reached.size()) {
      return std::cerr << "drive: no checkpoint " << rest << " (the scenario has " << reached.size() << ")\n", false;
    }
    d.app.session.seek(reached[n - 1].cursor, d.clock);
    d.frame();
    d.frame();
    return true;
  }
  if (verb == "check-layout") {
    // A window's content size is the previous frame's: two more frames let
    // a scrollbar that the last change called for appear first.
    d.frame();
    d.frame();
    std::vector<std::string> cut = gui::clipped_in_last_frame();
    for (const std::string& c : cut) std::cerr << "drive: cut off: " << c << "\n";
    return cut.empty();
  }
  if (verb == "screenshot") {
    d.app.platform.render_frame(d.app.session, d.app.ui, d.clock, 0);
    bool ok = d.app.platform.write_png(rest);
    glfwSwapBuffers(d.app.platform.window);
    return ok || (std::cerr << "drive: cannot write " << rest << "\n", false);
  }
  std::cerr << "drive: unknown action " << verb << "\n";
  return false;
}

}  // namespace

int run_drive(const DriveOptions& options) {
  std::ifstream script(options.script);
  if (!script) {
    std::fprintf(stderr, "loopscope drive: cannot read %s\n", options.script.c_str());
    return 2;
  }
  if (!has_display()) {
    no_display_message();
    return 1;
  }
  App app;
  int width = options.width, height = options.height;
  // As the window starts: with --restore, the state saved at the last
  // close, which is saved again at the end of the script.
  if (options.restore) app.restore_layout(width, height);
  if (!app.platform.open(width, height, false, "loopscope drive", app.ui)) {
    no_display_message();
    return 1;
  }
  if (options.restore || !options.scenario.empty()) app.open_first(options.scenario);
  Driver d{app};
  d.frame();
  int line_no = 0;
  for (std::string line; std::getline(script, line);) {
    ++line_no;
    std::istringstream in(line);
    std::string verb;
    if (!(in >> verb) || verb[0] == '#') continue;
    if (!run_action(d, verb, in, script)) {
      std::fprintf(stderr, "loopscope drive: %s:%d: %s failed\n", options.script.c_str(), line_no, verb.c_str());
      return 1;
    }
  }
  if (options.restore) app.save(width, height);
  return 0;
}

}  // namespace loopscope
