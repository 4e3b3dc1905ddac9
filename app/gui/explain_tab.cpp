// The Explain tab: the scenario's docstring, and one plain-English sentence
// about the current event (and the one that comes next).
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

void draw_explain(Session& s, UiState& ui) {
  ExplainLevel level = ui.show_internals ? ExplainLevel::Internals : ExplainLevel::Plain;
  if (!s.loaded()) {
    empty_state("Open a scenario to see what each step means.");
    return;
  }
  ImGui::BeginChild("explain", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(fonts().title);
  ImGui::TextUnformatted(explain_cursor(*s.replay, s.cursor, level).c_str());
  ImGui::PopFont();
  if (s.cursor < s.size()) {
    size_t next = s.cursor;
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "Next: %s",
                       explain_event(*s.replay, next, level).c_str());
  } else {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "This is the end of the run.");
  }
  if (!s.run->docstring.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "About this scenario");
    ImGui::TextUnformatted(s.run->docstring.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
