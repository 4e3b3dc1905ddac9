// The Variables tab: one task (the selected one, else the running one) at
// the cursor: its coroutine call stack with each frame's locals, why it is
// not running (a chain to the root cause), and jumps to when it last ran
// and when it runs next. The model is task_card (task_card.hpp).
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/task_card.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

ImVec4 dim() { return ImGui::ColorConvertU32ToFloat4(colors::kDim); }

void draw_header(Session& s, UiState& ui, const TaskCard& c, double now) {
  ImGui::PushFont(fonts().title);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_color(s.state.tasks[c.task].state)), "%s", c.title.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(dim(), "%s%s", c.state.c_str(), ui.selected_task == c.task ? " (selected)" : "");
  ImGui::BeginDisabled(c.last_ran == SIZE_MAX);
  if (control_button(ui, "<< Last ran") && c.last_ran != SIZE_MAX) s.seek(c.last_ran, now);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(c.woken == SIZE_MAX);
  if (control_button(ui, "Woken >>") && c.woken != SIZE_MAX) s.seek(c.woken, now);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", c.woken == SIZE_MAX ? "It is not waiting for anything that happens later in this run."
                                                : "Go to the moment its wait ends: the future it awaits is resolved "
                                                  "(a timer fires, a task finishes or puts, a lock is released).");
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(c.next_runs == SIZE_MAX);
  if (control_button(ui, "Next runs >>") && c.next_runs != SIZE_MAX) s.seek(c.next_runs, now);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(c.next_output == SIZE_MAX);
  if (control_button(ui, "Next output >>") && c.next_output != SIZE_MAX) s.seek(c.next_output, now);
  ImGui::EndDisabled();
  ImGui::SameLine();
  std::string when = (c.last_ran == SIZE_MAX ? std::string("never ran before") : "last ran at step " + with_commas(c.last_ran)) +
                     ", " + (c.next_runs == SIZE_MAX ? std::string("never runs again") : "runs next at step " + with_commas(c.next_runs));
  ImGui::TextColored(dim(), "%s", when.c_str());
  if (ui.selected_task != UINT32_MAX) {
    ImGui::SameLine();
    if (control_button(ui, "Follow the running task")) ui.selected_task = UINT32_MAX;
  } else {
    ImGui::SameLine();
    ImGui::TextColored(dim(), "Select a task in the Tasks table to see it here.");
  }
}

void draw_frames(const TaskCard& c) {
  ImGui::TextColored(dim(), "Variables");
  if (!c.recorded) {
    ImGui::TextWrapped("Nothing recorded yet: the task's variables appear once it starts.");
    return;
  }
  ImGui::TextWrapped("Call stack: %s", c.stack.c_str());
  ImGui::TextColored(dim(), "%s", c.frames_when.c_str());
  for (size_t i = 0; i < c.frames.frames.size(); ++i) {
    const FrameView& f = c.frames.frames[i];
    ImGui::PushID(int(i));
    std::string head = std::string(f.function) + "()  line " + std::to_string(f.line);
    ImGui::TextUnformatted(head.c_str());
    if (f.vars.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(dim(), "no local variables");
    } else if (ImGui::BeginTable("vars", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 0.3f);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      for (const FrameVar& v : f.vars) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(v.name.data(), v.name.data() + v.name.size());
        ImGui::TableSetColumnIndex(1);
        std::string shown = fit_text(v.repr, ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted(shown.c_str());
        if (shown.size() != v.repr.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", int(v.repr.size()), v.repr.data());
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
}

void draw_why(const Session& s, const TaskCard& c) {
  bool running = s.state.tasks[c.task].state == TaskState::Running;
  ImGui::TextColored(dim(), running ? "What is it doing?" : "Why is it not running?");
  ImGui::PushTextWrapPos(0.0f);
  for (size_t i = 0; i < c.why.size(); ++i) {
    ImGui::Bullet();
    ImGui::TextUnformatted(c.why[i].c_str());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

void select_task(UiState& ui, uint32_t task) {
  if (ui.selected_task == task) {
    ui.selected_task = UINT32_MAX;
    return;
  }
  ui.selected_task = task;
  if (ui.tab != BottomTab::Timeline && ui.tab != BottomTab::EventLog && ui.tab != BottomTab::AwaitTree) {
    ui.tab = BottomTab::Variables;
    ui.tab_requested = true;
  }
}

void draw_variables(Session& s, UiState& ui, double now) {
  if (!s.loaded()) {
    empty_state("Open a scenario to see its tasks' variables.");
    return;
  }
  uint32_t task = card_task(s, ui);
  if (task == UINT32_MAX) {
    empty_state("No task has been created yet: step forward.");
    return;
  }
  TaskCard c = task_card(s, task);
  draw_header(s, ui, c, now);
  ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("card", 2, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupColumn("frames", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::BeginChild("frames", ImVec2(0, 0), false);
  draw_frames(c);
  ImGui::EndChild();
  ImGui::TableSetColumnIndex(1);
  ImGui::BeginChild("why", ImVec2(0, 0), false);
  draw_why(s, c);
  ImGui::EndChild();
  ImGui::EndTable();
}

}  // namespace loopscope::gui
