// The tasks table: name, state, what it awaits, line, steps, result. States
// use the shared colours and fade after a single step.
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"

namespace loopscope::gui {

void draw_tasks(Session& s, UiState& ui, double now) {
  static const std::vector<uint32_t> kNone;
  const std::vector<uint32_t>& rows = s.loaded() ? task_row_ids(s, ui.show_internals) : kNone;
  std::string hint = std::to_string(rows.size()) + (rows.size() == 1 ? " task" : " tasks");
  panel_title("Tasks", s.loaded() ? hint.c_str() : nullptr);
  if (rows.empty()) {
    empty_state(s.loaded() ? "No task has been created yet: step forward." : "Tasks appear here once a scenario is loaded.");
    return;
  }
  float t = step_animation(s, now);
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                          ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("tasks", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 2.05f);
  ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 0.95f);
  ImGui::TableSetupColumn("Awaits", ImGuiTableColumnFlags_WidthStretch, 1.8f);
  ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthStretch, 0.45f);
  ImGui::TableSetupColumn("Steps", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const TaskRow r = task_row(s, rows[size_t(i)]);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(int(r.task));
      bool selected = ui.selected_task == r.task;
      if (ImGui::Selectable(r.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        select_task(ui, r.task);
      }
      if (!r.call.empty()) {  // what it runs, dimmed: "Task-2  fetch('a', 1)"
        ImGui::SameLine();
        ImGui::TextDisabled("%s", fit_text(r.call, ImGui::GetContentRegionAvail().x).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", r.name.c_str(), r.call.c_str());
      }
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      ImU32 col = state_color(r.state_value);
      if (t < 1.0f && r.task < s.previous.tasks.size() && s.previous.tasks[r.task].state != r.state_value) {
        col = lerp_color(state_color(s.previous.tasks[r.task].state), col, t);
      }
      ImVec2 p = ImGui::GetCursorScreenPos();
      float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.4f, p.y + h * 0.5f), h * 0.3f, col);
      ImGui::Dummy(ImVec2(h * 0.9f, h));
      ImGui::SameLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%s", fit_text(r.state, ImGui::GetContentRegionAvail().x).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(fit_text(r.awaits, ImGui::GetContentRegionAvail().x).c_str());
      if (!r.awaits.empty() && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", clip_text(s.str(s.state.tasks[r.task].awaiting), 400).c_str());
      }
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(r.line.c_str());
      ImGui::TableSetColumnIndex(4);
      ImGui::TextUnformatted(r.steps.c_str());
      ImGui::TableSetColumnIndex(5);
      std::string result = fit_text(r.result, ImGui::GetContentRegionAvail().x);
      ImGui::TextUnformatted(result.c_str());
      if (result != r.result && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", clip_text(r.result, 400).c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace loopscope::gui
