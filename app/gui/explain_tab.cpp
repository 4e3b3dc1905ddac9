// The Explain tab: the scenario's docstring, and one plain-English sentence
// about the current event (and the one that comes next).
#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

// The lesson's narrative: what to watch, and the last checkpoint reached.
void draw_lesson(const Session& s) {
  auto dim = ImGui::ColorConvertU32ToFloat4(colors::kDim);
  if (!s.narrative.watch.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(dim, "What to watch");
    ImGui::TextUnformatted(s.narrative.watch.c_str());
  }
  const ReachedCheckpoint* last = nullptr;
  for (const ReachedCheckpoint& r : s.lesson.reached) {
    if (r.cursor <= s.cursor && (!last || r.cursor >= last->cursor)) last = &r;
  }
  if (last) {
    ImGui::Spacing();
    ImGui::TextColored(dim, "Checkpoint, at %s", seconds(last->time).c_str());
    ImGui::TextUnformatted(last->text.c_str());
  }
}

}  // namespace

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
  size_t next = s.cursor;  // Session::seek never stops on an event's continuation words
  if (next < s.size()) {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "Next: %s",
                       explain_event(*s.replay, next, level).c_str());
  } else {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "This is the end of the run.");
  }
  draw_lesson(s);
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
