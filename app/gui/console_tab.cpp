// The Console tab: program output and diagnostics up to the cursor,
// timestamped, warnings and errors coloured.
#include <cstdio>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"

namespace loopscope::gui {

void draw_console(Session& s, UiState& ui) {
  (void)ui;
  if (!s.loaded()) {
    empty_state("Output appears here as the program prints.");
    return;
  }
  size_t n = s.replay->console_count(s.cursor);
  if (n == 0) {
    empty_state("Nothing printed yet at this step.");
    return;
  }
  ImGui::BeginChild("console", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts().mono);
  size_t& last_n = s.views.console_lines;
  ImGuiListClipper clipper;
  clipper.Begin(int(n));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ConsoleLine l = s.replay->console_line(size_t(i));
      char stamp[32];
      std::snprintf(stamp, sizeof stamp, "[%.3f] ", l.time);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kDim), "%s", stamp);
      ImGui::SameLine(0, 0);
      ImVec4 col(0.88f, 0.9f, 0.93f, 1);
      std::string prefix;
      switch (l.kind) {
        case Ev::Output: break;
        case Ev::Warning: col = ImVec4(0.95f, 0.75f, 0.3f, 1); prefix = "warning: "; break;
        case Ev::Stderr: col = ImVec4(0.95f, 0.6f, 0.5f, 1); prefix = "stderr: "; break;
        default: col = ImVec4(1.0f, 0.45f, 0.45f, 1); prefix = "error: "; break;
      }
      std::string_view text = s.str(l.text);
      if (l.kind == Ev::Traceback && s.run && !s.run->traceback.empty()) {
        // The uncaught exception as CPython prints it: every frame's
        // file:line and source line, then the exception.
        ImGui::BeginGroup();
        for (const std::string& t : s.run->traceback) ImGui::TextColored(col, "%s", t.c_str());
        ImGui::EndGroup();
        continue;
      }
      ImGui::TextColored(col, "%s%.*s", prefix.c_str(), int(text.size()), text.data());
    }
  }
  clipper.End();
  if (n != last_n) ImGui::SetScrollHereY(1.0f);
  last_n = n;
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace loopscope::gui
