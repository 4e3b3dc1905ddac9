// The menu bar and the window's small dialogs (keyboard shortcuts, about).
#include <algorithm>
#include <fstream>
#include <map>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope::gui {

namespace {

void export_trace(const Session& s, UiState& ui) {
  if (!s.loaded()) return;
  std::string path = (s.run->name.empty() ? std::string("loopscope") : s.run->name) + ".trace.txt";
  std::ofstream out(path);
  if (!out) {
    ui.status = "Could not write " + path;
    return;
  }
  print_transcript(s.trace(), out, true);
  ui.status = "Trace written to " + path;
}

}  // namespace

void draw_menu_bar(Session& s, UiState& ui) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New scenario...", "Ctrl+N")) new_scenario(s, ui);
    if (ImGui::MenuItem("Open...", "Ctrl+O")) ui.open_dialog = true;
    if (ImGui::BeginMenu("Open Recent", !ui.recent.empty())) {
      for (const std::string& r : std::vector<std::string>(ui.recent)) {
        if (ImGui::MenuItem(r.c_str())) open_target(s, ui, r);
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S", false, !ui.editor.target.empty())) save_editor(s, ui);
    if (ImGui::MenuItem("Save As...", "Ctrl+Shift+S", false, !ui.editor.target.empty())) {
      start_save_as(s, ui, SaveMode::SaveAs);
    }
    if (ImGui::MenuItem("Reload", "Ctrl+R", false, !s.target.empty())) ui.reload_requested = true;
    if (ImGui::MenuItem(ui.compare.running() ? "Compare with CPython (running...)" : "Compare with CPython", nullptr,
                        false, s.loaded() && !ui.compare.running())) {
      start_compare(ui.compare, s.run, s.target, ImGui::GetTime());
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Run this program under python3's real asyncio and compare the transcripts line by line.");
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Export trace", nullptr, false, s.loaded())) export_trace(s, ui);
    if (ImGui::MenuItem("Save screenshot", nullptr, false, s.loaded())) ui.screenshot = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) ui.quit = true;  // asks first when the editor has unsaved edits
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Scenarios")) {
    // Topics in the chapter's order: the order of their first lesson.
    std::vector<std::pair<std::string, std::vector<const BuiltinScenario*>>> by_topic;
    for (const BuiltinScenario& b : builtin_scenarios()) {
      auto it = std::find_if(by_topic.begin(), by_topic.end(), [&](const auto& t) { return t.first == b.topic; });
      if (it == by_topic.end()) it = by_topic.insert(by_topic.end(), {b.topic, {}});
      it->second.push_back(&b);
    }
    for (const auto& [topic, list] : by_topic) {
      if (ImGui::BeginMenu(topic.empty() ? "Other" : topic.c_str())) {
        for (const BuiltinScenario* b : list) {
          std::string label = b->name + "  " + b->title;
          if (ImGui::MenuItem(label.c_str(), nullptr, s.target == b->name)) open_target(s, ui, b->name);
        }
        ImGui::EndMenu();
      }
    }
    if (!ui.folder_files.empty()) {
      ImGui::Separator();
      ImGui::TextDisabled("%s", ui.folder.c_str());
      for (const std::string& f : ui.folder_files) {
        std::string name = f.substr(f.rfind('/') + 1);
        if (ImGui::MenuItem(name.c_str(), nullptr, s.target == f)) open_target(s, ui, f);
      }
    }
    if (!by_topic.empty()) ImGui::Separator();
    if (ImGui::MenuItem("demo (two gathered workers, C++)", nullptr, s.target == "demo")) open_target(s, ui, "demo");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Source", nullptr, &ui.show_source);
    ImGui::MenuItem("Event loop", nullptr, &ui.show_loop);
    ImGui::MenuItem("Tasks", nullptr, &ui.show_tasks);
    ImGui::MenuItem("Bottom tabs", nullptr, &ui.show_bottom);
    ImGui::Separator();
    ImGui::MenuItem("Show asyncio internals", nullptr, &ui.show_internals);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("asyncio's own tasks and callbacks, handle and future numbers, and asyncio.run's shutdown "
                        "event by event (otherwise one step)");
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Larger text", "Ctrl+=")) ui.font_scale = std::min(2.0f, ui.font_scale + 0.1f);
    if (ImGui::MenuItem("Smaller text", "Ctrl+-")) ui.font_scale = std::max(0.7f, ui.font_scale - 0.1f);
    if (ImGui::MenuItem("Normal text size", "Ctrl+0")) ui.font_scale = 1.0f;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Run")) {
    if (ImGui::BeginMenu("Blocked-loop limit")) {
      ImGui::TextDisabled("Instructions one step may run without awaiting:");
      for (uint64_t n : {uint64_t(10'000'000), uint64_t(100'000'000), uint64_t(1'000'000'000)}) {
        std::string label = with_commas(n) + (n == RunOptions{}.instruction_budget ? " (default)" : "");
        if (ImGui::MenuItem(label.c_str(), nullptr, s.instruction_budget == n) && s.instruction_budget != n) {
          s.instruction_budget = n;
          if (!s.target.empty()) ui.reload_requested = true;
        }
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) ui.show_shortcuts = true;
    if (ImGui::MenuItem("About loopscope")) ui.show_about = true;
    ImGui::EndMenu();
  }
  if (!ui.status.empty()) {
    float w = ImGui::CalcTextSize(ui.status.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + em(20), ImGui::GetWindowWidth() - w - em(16)));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s", ui.status.c_str());
  }
  ImGui::EndMenuBar();
}

void draw_dialogs(Session& s, UiState& ui) {
  draw_open_dialog(s, ui);
  draw_save_dialog(s, ui);
  draw_unsaved_prompt(s, ui);
  draw_question(s, ui);
  if (ui.show_shortcuts) {
    // As wide as its longest row: nothing in it is ever cut.
    if (ImGui::Begin("Keyboard shortcuts", &ui.show_shortcuts,
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
      const char* rows[][2] = {{"F1", "this list (press again to close)"},
                               {"Space", "play / pause"},
                               {"Right / Left", "step forward / back (by the step unit)"},
                               {"Shift+Right / Left", "step by loop iteration"},
                               {"Home / End", "go to the start / the end"},
                               {"Ctrl+O", "open a file (Up/Down, Enter, Backspace, Tab in the dialog)"},
                               {"Ctrl+R", "run the file again, keeping the step"},
                               {"Ctrl+N / Ctrl+S / Ctrl+Shift+S", "new scenario / save and run / save as"},
                               {"Ctrl+F, F3 / Shift+F3", "find in the editor, next / previous"},
                               {"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "undo / redo (editor)"},
                               {"Tab / Shift+Tab", "indent / dedent by four spaces (editor)"},
                               {"Escape", "leave the editor: the keys step the run again"},
                               {"drop a .py file", "open it"},
                               {"Ctrl+= / Ctrl+- / Ctrl+0", "larger / smaller / normal text"},
                               {"click (timeline, event log)", "go to that step"},
                               {"click a line number (Source)", "go to when the line next runs (Shift: last ran)"},
                               {"wheel / drag (timeline)", "zoom / pan"}};
      if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (auto& r : rows) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::TextUnformatted(r[0]);
          ImGui::TableSetColumnIndex(1);
          ImGui::TextUnformatted(r[1]);
        }
        ImGui::EndTable();
      }
    }
    ImGui::End();
  }
  if (ui.show_about) {
    ImGui::SetNextWindowSize(ImVec2(em(460), 0), ImGuiCond_Appearing);
    if (ImGui::Begin("About loopscope", &ui.show_about, ImGuiWindowFlags_NoSavedSettings)) {
      ImGui::TextWrapped(
          "loopscope shows, step by step, what Python's asyncio event loop does with a program: the ready "
          "queue, the timer heap, which task runs and what every suspended task waits on. The run it shows "
          "is the run CPython 3.11 would do, in virtual time.");
    }
    ImGui::End();
  }
}

}  // namespace loopscope::gui
