// The window's frame: keys and playback, then the menu bar, the toolbar and
// the panes with their splitters.
#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"

namespace loopscope::gui {

namespace {

constexpr double kAnimationSeconds = 0.25;

void move_to(Session& s, size_t k, double now, bool single) { s.seek(k, now, single); }

// asyncio.run's shutdown is one step, unless View > Show asyncio
// internals: a step forward into it goes to its start, and from there to
// the end; a step back from inside it goes to its start.
size_t fold_forward(const Session& s, const UiState& ui, size_t from, size_t to) {
  if (ui.show_internals || !s.replay) return to;
  size_t start = s.replay->shutdown_start();
  if (start >= s.size() || to <= start) return to;
  return from < start ? start : s.size();
}

size_t fold_back(const Session& s, const UiState& ui, size_t from, size_t to) {
  if (ui.show_internals || !s.replay) return to;
  size_t start = s.replay->shutdown_start();
  if (start >= s.size() || from <= start) return to;
  return start;
}

void step_key(Session& s, UiState& ui, const KeyPress& k, double now) {
  StepUnit unit = k.shift ? StepUnit::Iteration : ui.unit;
  switch (k.key) {
    case AppKey::Right: {
      size_t to = fold_forward(s, ui, s.cursor, step_forward(s, unit));
      move_to(s, stop_at_question(s, ui, s.cursor, to), now, true);
      break;
    }
    case AppKey::Left: move_to(s, fold_back(s, ui, s.cursor, step_back(s, unit)), now, true); break;
    case AppKey::Home: move_to(s, 0, now, false); break;
    case AppKey::End: move_to(s, s.size(), now, false); break;
    case AppKey::Space: ui.playing = !ui.playing; break;
    case AppKey::Reload: ui.reload_requested = true; break;
    case AppKey::Open: ui.open_dialog = true; break;
  }
}

// The file shortcuts, wherever the focus is (outside dialogs and fields):
// F1 (the shortcuts), Ctrl+S, Ctrl+Shift+S, Ctrl+N, and Ctrl+F outside the
// editor.
void file_shortcuts(Session& s, UiState& ui) {
  for (const InputEvent& ev : std::vector<InputEvent>(ui.input)) {
    if (ev.key == GLFW_KEY_F1 && ev.mods == 0) ui.show_shortcuts = !ui.show_shortcuts;
    if (ev.key < 0 || !(ev.mods & GLFW_MOD_CONTROL)) continue;
    bool shift = (ev.mods & GLFW_MOD_SHIFT) != 0;
    if (ev.key == GLFW_KEY_S && shift) start_save_as(s, ui, SaveMode::SaveAs);
    else if (ev.key == GLFW_KEY_S) save_editor(s, ui);
    else if (ev.key == GLFW_KEY_N) new_scenario(s, ui);
    else if (ev.key == GLFW_KEY_F && !ui.editor.focused) {
      ui.show_editor = ui.left_tab_requested = true;
      ui.editor.find_open = ui.editor.find_focus = true;
    }
  }
}

void handle_keys(Session& s, UiState& ui, double now) {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<KeyPress> keys;
  keys.swap(ui.keys);
  // Typing in a field, or a dialog open: the keys are theirs.
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  file_shortcuts(s, ui);
  // The editor has the keys: only Ctrl+R and Ctrl+O act on the run.
  if (ui.editor.focused) {
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [](const KeyPress& k) { return k.key != AppKey::Reload && k.key != AppKey::Open; }),
               keys.end());
  }
  // Text size (GLFW's key codes for '=', '-' and '0' are their ASCII codes).
  if (io.KeyCtrl && ImGui::IsKeyPressed('=', false)) ui.font_scale = std::min(2.0f, ui.font_scale + 0.1f);
  if (io.KeyCtrl && ImGui::IsKeyPressed('-', false)) ui.font_scale = std::max(0.7f, ui.font_scale - 0.1f);
  if (io.KeyCtrl && ImGui::IsKeyPressed('0', false)) ui.font_scale = 1.0f;
  for (const KeyPress& k : keys) {
    // A question waits for its answer: the run stays where it was asked.
    if (ui.lessons.asking >= 0 && k.key != AppKey::Reload && k.key != AppKey::Open) continue;
    if (s.loaded() || k.key == AppKey::Reload || k.key == AppKey::Open) step_key(s, ui, k, now);
  }
}

// Requests queued by the platform layer and the menus: a dropped file, a
// reload (Ctrl+R or the file changed on disk).
void handle_requests(Session& s, UiState& ui) {
  std::vector<std::string> dropped;
  dropped.swap(ui.dropped);
  for (const std::string& path : dropped) {
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".py") == 0) {
      open_target(s, ui, path);
      return;
    }
  }
  if (!dropped.empty()) ui.status = "Not a .py file: " + dropped.front();
  if (ui.reload_requested) {
    ui.reload_requested = false;
    reload_target(s, ui);
  }
}

void play(Session& s, UiState& ui, double now, double dt) {
  if (!ui.playing || !s.loaded() || ui.lessons.asking >= 0) {
    ui.play_budget = 0;
    return;
  }
  if (s.cursor >= s.size()) {
    ui.playing = false;
    return;
  }
  ui.play_budget += dt * ui.speed;
  if (ui.play_budget < 1.0) return;
  int steps = int(std::min(ui.play_budget, 100000.0));
  ui.play_budget -= steps;
  size_t k = s.cursor;
  for (int i = 0; i < steps && k < s.size(); ++i) k = step_forward_from(*s.replay, k, ui.unit);
  k = stop_at_question(s, ui, s.cursor, fold_forward(s, ui, s.cursor, k));
  move_to(s, k, now, steps == 1 && ui.speed <= 8.0f);
  if (k >= s.size()) ui.playing = false;
}

// A draggable bar between two panes; returns the drag delta.
float splitter(const char* id, bool vertical, float thickness, float length) {
  ImVec2 size = vertical ? ImVec2(thickness, length) : ImVec2(length, thickness);
  ImGui::InvisibleButton(id, size);
  bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
  if (active || hovered) ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRectFilled(a, b, active ? colors::kAccent : (hovered ? colors::kBorder : IM_COL32(40, 43, 50, 255)));
  if (!active) return 0;
  return vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
}

void draw_error_banner(Session& s) {
  if (s.load_error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(80, 28, 30, 255));
  // Every error is listed; more than six lines scroll.
  float lines = float(std::min<size_t>(s.error_lines.size(), 6) + 1);
  ImGui::BeginChild("error", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines + em(16)), true);
  ImGui::TextColored(ImVec4(1, 0.75f, 0.75f, 1), "%s", s.load_error.c_str());
  ImGui::SameLine(ImGui::GetWindowWidth() - em(90));
  if (ImGui::SmallButton("Dismiss")) s.load_error.clear();
  ImGui::PushFont(fonts().mono);
  for (const std::string& l : s.error_lines) ImGui::TextUnformatted(l.c_str());
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// One line under the toolbar: what the last reload found changed.
void draw_notice(Session& s) {
  if (s.notice.empty() || !s.load_error.empty()) return;
  float w = ImGui::GetContentRegionAvail().x - em(80);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImVec4(0.6f, 0.8f, 1.0f, 1), "%s", fit_text(s.notice, w).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.notice.c_str());
  ImGui::SameLine(ImGui::GetWindowWidth() - em(70));
  if (ImGui::SmallButton("OK##notice")) s.notice.clear();
}

// The left pane: the Source view (the run's marks) or the Editor.
void draw_left(Session& s, UiState& ui, double now) {
  if (ui.click == "Source" || ui.click == "Editor") {
    ui.show_editor = ui.click == "Editor";
    ui.left_tab_requested = true;
    ui.click.clear();
  }
  if (ui.left_tab_requested && ui.show_editor) ui.editor.focus_requested = true;
  if (ImGui::BeginTabBar("left")) {
    bool req = ui.left_tab_requested;
    if (ImGui::BeginTabItem("Source", nullptr, req && !ui.show_editor ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (!req) ui.show_editor = false;
      draw_source(s, ui, now);
      ImGui::EndTabItem();
    }
    const char* label = editor_modified(ui) ? "Editor *###editor" : "Editor###editor";
    if (ImGui::BeginTabItem(label, nullptr, req && ui.show_editor ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (!req && !ui.show_editor) {
        ui.show_editor = true;
        ui.editor.focus_requested = true;
      }
      draw_editor(s, ui, now);
      ImGui::EndTabItem();
    }
    ui.left_tab_requested = false;
    ImGui::EndTabBar();
  }
  if (!ui.show_editor) ui.editor.focused = false;
}

void draw_bottom_tabs(Session& s, UiState& ui, double now) {
  if (!ImGui::BeginTabBar("bottom")) return;
  struct Tab {
    const char* name;
    BottomTab id;
  } tabs[] = {{"Lesson", BottomTab::Lesson},
              {"Timeline", BottomTab::Timeline},
              {"Console", BottomTab::Console},
              {"Event log", BottomTab::EventLog},
              {"Explain", BottomTab::Explain},
              {"Variables", BottomTab::Variables},
              {"Await tree", BottomTab::AwaitTree}};
  for (const Tab& t : tabs) {
    ImGuiTabItemFlags flags = ui.tab_requested && ui.tab == t.id ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem(t.name, nullptr, flags)) {
      if (!ui.tab_requested) ui.tab = t.id;
      switch (t.id) {
        case BottomTab::Lesson: draw_lessons(s, ui); break;
        case BottomTab::Timeline: draw_timeline(s, ui, now); break;
        case BottomTab::Console: draw_console(s, ui); break;
        case BottomTab::EventLog: draw_event_log(s, ui, now); break;
        case BottomTab::Explain: draw_explain(s, ui); break;
        case BottomTab::Variables: draw_variables(s, ui, now); break;
        case BottomTab::AwaitTree: draw_await_tree(s, ui); break;
      }
      ImGui::EndTabItem();
    }
  }
  ui.tab_requested = false;
  ImGui::EndTabBar();
}

}  // namespace

float step_animation(const Session& s, double now) {
  if (!s.animate) return 1.0f;
  double t = (now - s.moved_at) / kAnimationSeconds;
  if (t >= 1.0) return 1.0f;
  if (t <= 0.0) return 0.0f;
  return float(1.0 - (1.0 - t) * (1.0 - t));  // ease out
}

std::string fit_text(std::string_view text, float max_width) {
  auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
  // No glyph is narrower than a pixel, so a text longer than the width in
  // bytes never fits and is not measured whole.
  if (text.size() <= size_t(std::max(0.0f, max_width)) && width(text) <= max_width) return std::string(text);
  ImFont* font = ImGui::GetFont();
  const char* ellipsis = font && font->FindGlyphNoFallback(0x2026) ? "\xE2\x80\xA6" : "...";
  float room = max_width - width(ellipsis);
  if (room <= 0) return {};
  // The longest prefix that fits with the ellipsis.
  size_t lo = 0, hi = std::min(text.size(), size_t(max_width) + 1);
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (width(text.substr(0, mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && lo < text.size() && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo;
  return std::string(text.substr(0, lo)) + ellipsis;
}

void panel_title(const char* title, const char* hint) {
  ImGui::PushFont(fonts().title);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  if (hint) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s", hint);
  }
}

void empty_state(const char* text) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, avail.x - 20);
  ImVec2 cur = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(cur.x + std::max(0.0f, (avail.x - size.x) * 0.5f), cur.y + std::max(0.0f, (avail.y - size.y) * 0.5f)));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail.x - 20);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s", text);
  ImGui::PopTextWrapPos();
}

void draw_app(Session& s, UiState& ui, double now, double dt) {
  handle_requests(s, ui);
  track_lesson(s, ui);
  handle_keys(s, ui, now);
  play(s, ui, now, dt);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                           ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(6), em(4)));
  ImGui::Begin("loopscope", nullptr, flags);
  ImGui::PopStyleVar();
  draw_menu_bar(s, ui);
  draw_toolbar(s, ui, now);
  draw_error_banner(s);
  draw_notice(s);

  const float gap = em(6);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float top_h = ui.show_bottom ? std::floor(avail.y * ui.top_fraction) : avail.y;
  bool left = ui.show_source;
  bool right = ui.show_loop || ui.show_tasks;
  float left_w = left && right ? std::floor(avail.x * ui.left_fraction) : avail.x;

  if (left) {
    ImGui::BeginChild("source", ImVec2(left_w, top_h), true);
    draw_left(s, ui, now);
    ImGui::EndChild();
  }
  if (left && right) {
    ImGui::SameLine(0, 0);
    float d = splitter("##split_lr", true, gap, top_h);
    ui.left_fraction = std::clamp(ui.left_fraction + d / std::max(1.0f, avail.x), 0.15f, 0.8f);
    ImGui::SameLine(0, 0);
  }
  if (right) {
    ImGui::BeginChild("right", ImVec2(0, top_h), false);
    ImVec2 r = ImGui::GetContentRegionAvail();
    float loop_h = ui.show_loop && ui.show_tasks ? std::floor(r.y * ui.loop_fraction) : r.y;
    if (ui.show_loop) {
      ImGui::BeginChild("loop", ImVec2(0, loop_h), true);
      draw_loop_view(s, ui, now);
      ImGui::EndChild();
    }
    if (ui.show_loop && ui.show_tasks) {
      float d = splitter("##split_loop", false, gap, r.x);
      ui.loop_fraction = std::clamp(ui.loop_fraction + d / std::max(1.0f, r.y), 0.2f, 0.85f);
    }
    if (ui.show_tasks) {
      ImGui::BeginChild("tasks", ImVec2(0, 0), true);
      draw_tasks(s, ui, now);
      ImGui::EndChild();
    }
    ImGui::EndChild();
  }
  if (ui.show_bottom) {
    float d = splitter("##split_tb", false, gap, avail.x);
    ui.top_fraction = std::clamp(ui.top_fraction + d / std::max(1.0f, avail.y), 0.25f, 0.85f);
    ImGui::BeginChild("bottom", ImVec2(0, 0), true);
    draw_bottom_tabs(s, ui, now);
    ImGui::EndChild();
  }
  draw_dialogs(s, ui);
  draw_compare_window(ui.compare, now);
  ImGui::End();
  ui.input.clear();
}

}  // namespace loopscope::gui
