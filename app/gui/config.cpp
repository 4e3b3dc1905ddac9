#include "app/gui/config.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace loopscope::gui {

namespace {

float clamp_or(const std::string& v, float lo, float hi, float fallback) {
  char* end = nullptr;
  float f = std::strtof(v.c_str(), &end);
  if (end == v.c_str() || !(f >= lo && f <= hi)) return fallback;
  return f;
}

int int_or(const std::string& v, int lo, int hi, int fallback) {
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (end == v.c_str() || n < lo || n > hi) return fallback;
  return int(n);
}

// `score=NAME RIGHT TOTAL BEST`; a malformed one is ignored.
void read_score(SavedState& st, const std::string& v) {
  std::istringstream in(v);
  std::string name;
  LessonScore sc;
  if (!(in >> name >> sc.right >> sc.total >> sc.best)) return;
  if (sc.total < 0 || sc.total > 1000 || sc.right < 0 || sc.right > sc.total || sc.best < 0 || sc.best > sc.total) return;
  if (st.scores.size() < 1000) st.scores[name] = sc;
}

void read_line(SavedState& st, const std::string& key, const std::string& v) {
  if (key == "target") st.target = v;
  else if (key == "step") st.step = size_t(std::strtoull(v.c_str(), nullptr, 10));
  else if (key == "width") st.width = int_or(v, 200, 16384, 0);
  else if (key == "height") st.height = int_or(v, 200, 16384, 0);
  else if (key == "recent" && st.recent.size() < 10 && !v.empty()) st.recent.push_back(v);
  else if (key == "left_fraction") st.left_fraction = clamp_or(v, 0.15f, 0.8f, st.left_fraction);
  else if (key == "top_fraction") st.top_fraction = clamp_or(v, 0.25f, 0.85f, st.top_fraction);
  else if (key == "loop_fraction") st.loop_fraction = clamp_or(v, 0.2f, 0.85f, st.loop_fraction);
  else if (key == "font_scale") st.font_scale = clamp_or(v, 0.7f, 2.0f, st.font_scale);
  else if (key == "show_source") st.show_source = v != "0";
  else if (key == "show_loop") st.show_loop = v != "0";
  else if (key == "show_tasks") st.show_tasks = v != "0";
  else if (key == "show_bottom") st.show_bottom = v != "0";
  else if (key == "visited" && !v.empty() && st.visited.size() < 1000) st.visited.insert(v);
  else if (key == "score") read_score(st, v);
}

}  // namespace

std::string config_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/loopscope/state.ini";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.config/loopscope/state.ini";
  return {};
}

SavedState load_saved_state(const std::string& path) {
  SavedState st;
  if (path.empty()) return st;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    size_t eq = line.find('=');
    if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
    read_line(st, line.substr(0, eq), line.substr(eq + 1));
  }
  return st;
}

bool save_state(const std::string& path, const SavedState& st) {
  if (path.empty()) return false;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << "# loopscope: the window as it was last closed\n";
    if (!st.target.empty()) out << "target=" << st.target << "\nstep=" << st.step << "\n";
    if (st.width > 0) out << "width=" << st.width << "\nheight=" << st.height << "\n";
    for (const std::string& r : st.recent) out << "recent=" << r << "\n";
    out << "left_fraction=" << st.left_fraction << "\ntop_fraction=" << st.top_fraction
        << "\nloop_fraction=" << st.loop_fraction << "\nfont_scale=" << st.font_scale << "\n";
    out << "show_source=" << st.show_source << "\nshow_loop=" << st.show_loop << "\nshow_tasks=" << st.show_tasks
        << "\nshow_bottom=" << st.show_bottom << "\n";
    for (const std::string& v : st.visited) out << "visited=" << v << "\n";
    for (const auto& [name, sc] : st.scores) {
      out << "score=" << name << ' ' << sc.right << ' ' << sc.total << ' ' << sc.best << "\n";
    }
    if (!out.flush()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

SavedState capture_state(const Session& s, const UiState& ui, int width, int height) {
  SavedState st;
  if (s.loaded()) {
    st.target = s.target;
    st.step = s.cursor;
  }
  st.width = width;
  st.height = height;
  st.recent = ui.recent;
  st.left_fraction = ui.left_fraction;
  st.top_fraction = ui.top_fraction;
  st.loop_fraction = ui.loop_fraction;
  st.font_scale = ui.font_scale;
  st.show_source = ui.show_source;
  st.show_loop = ui.show_loop;
  st.show_tasks = ui.show_tasks;
  st.show_bottom = ui.show_bottom;
  st.visited = ui.lessons.visited;
  st.scores = ui.lessons.scores;
  return st;
}

void apply_saved_state(const SavedState& st, UiState& ui) {
  ui.recent = st.recent;
  ui.left_fraction = st.left_fraction;
  ui.top_fraction = st.top_fraction;
  ui.loop_fraction = st.loop_fraction;
  ui.font_scale = st.font_scale;
  ui.show_source = st.show_source;
  ui.show_loop = st.show_loop;
  ui.show_tasks = st.show_tasks;
  ui.show_bottom = st.show_bottom;
  ui.lessons.visited = st.visited;
  ui.lessons.scores = st.scores;
}

}  // namespace loopscope::gui
