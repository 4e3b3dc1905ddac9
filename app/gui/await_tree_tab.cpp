// The Await tree tab: the tasks alive at the cursor under the tasks that
// await them, what each waits on, who wakes it, and cycles (deadlocks) in
// red. The model is await_tree (await_tree.hpp).
#include <imgui.h>

#include "app/gui/await_tree.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

namespace {

// The connector from a row to its parent: a vertical line down from the
// parent's level and a short horizontal one into the row.
void draw_connector(const AwaitRow& r, ImVec2 at, float step, float line_h) {
  if (r.depth == 0) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x = at.x - step * 0.6f, mid = at.y + line_h * 0.5f;
  dl->AddLine(ImVec2(x, at.y - ImGui::GetStyle().ItemSpacing.y), ImVec2(x, r.last_child ? mid : at.y + line_h), colors::kBorder);
  dl->AddLine(ImVec2(x, mid), ImVec2(at.x - em(3), mid), colors::kBorder);
}

}  // namespace

void draw_await_tree(Session& s, UiState& ui) {
  if (!s.loaded()) {
    empty_state("Open a scenario to see which task awaits which.");
    return;
  }
  std::vector<AwaitRow> rows = await_tree(s);
  if (rows.empty()) {
    empty_state("No task is alive at this step.");
    return;
  }
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s",
                     "Each task under the task that awaits it (directly or through gather). Click a task to select it.");
  ImGui::BeginChild("tree", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  float step = em(22), line_h = ImGui::GetTextLineHeight();
  std::vector<float> x_of_depth;
  ImGuiListClipper clipper;
  clipper.Begin(int(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const AwaitRow& r = rows[size_t(i)];
      ImGui::PushID(i);
      float indent = step * float(r.depth);
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
      draw_connector(r, ImGui::GetCursorScreenPos(), step, line_h);
      ImU32 col = r.cycle ? colors::kBlocked : state_color(s.state.tasks[r.task].state);
      ImGui::PushStyleColor(ImGuiCol_Text, col);
      ImVec2 size = ImGui::CalcTextSize(r.title.c_str());
      if (ImGui::Selectable(r.title.c_str(), ui.selected_task == r.task, 0, size)) select_task(ui, r.task);
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(r.cycle ? colors::kErrorText : colors::kText), "%s", r.doing.c_str());
      if (!r.woken.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "<- %s", r.woken.c_str());
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace loopscope::gui
