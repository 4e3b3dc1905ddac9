// The toolbar: transport controls, speed, step unit, the cursor slider,
// virtual time, loop iteration and the "loop blocked" badge.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/gui/panels.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"

namespace loopscope::gui {

namespace {

void badge(const char* text, ImU32 bg) {
  ImVec2 size = ImGui::CalcTextSize(text);
  ImVec2 pad(em(8), em(3));
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += (ImGui::GetFrameHeight() - size.y - 2 * pad.y) * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), bg, em(4));
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32_WHITE, text);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, ImGui::GetFrameHeight()));
}

}  // namespace

void draw_toolbar(Session& s, UiState& ui, double now) {
  bool has = s.loaded();
  if (!has) ImGui::BeginDisabled();
  if (ImGui::Button("|< Restart")) s.seek(0, now);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the start (Home)");
  ImGui::SameLine();
  if (ImGui::Button("< Back")) s.seek(step_back(s, ui.unit), now, true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step back one %s (Left)", step_unit_name(ui.unit));
  ImGui::SameLine();
  if (ImGui::Button(ui.playing ? "Pause" : "Play", ImVec2(ImGui::CalcTextSize("Pause").x + 16, 0))) {
    if (!ui.playing && s.cursor >= s.size()) s.seek(0, now);
    ui.playing = !ui.playing;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button("Step >")) s.seek(step_forward(s, ui.unit), now, true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step forward one %s (Right)", step_unit_name(ui.unit));
  ImGui::SameLine();
  if (ImGui::Button("End >|")) s.seek(s.size(), now);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run to the end (End)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(130));
  ImGui::SliderFloat("##speed", &ui.speed, 0.5f, 1000.0f, "%.1f steps/s", ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed");
  ImGui::SameLine();
  ImGui::TextUnformatted("step by");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(130));
  if (ImGui::BeginCombo("##unit", step_unit_name(ui.unit))) {
    for (StepUnit u : {StepUnit::Event, StepUnit::TaskStep, StepUnit::Iteration, StepUnit::Output}) {
      if (ImGui::Selectable(step_unit_name(u), u == ui.unit)) ui.unit = u;
    }
    ImGui::EndCombo();
  }
  if (!has) ImGui::EndDisabled();

  // Right side: time, iteration, blocked badge.
  char info[96];
  std::snprintf(info, sizeof info, "t = %s s   iteration %llu", clock_text(s.state.now).c_str(),
                static_cast<unsigned long long>(s.state.iteration));
  float info_w = ImGui::CalcTextSize(info).x;
  float badge_w = ImGui::CalcTextSize("loop blocked").x + em(24);
  ImGui::SameLine();
  float x = ImGui::GetWindowWidth() - info_w - badge_w - em(16);
  if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(info);
  ImGui::SameLine();
  if (s.state.blocked) {
    badge("loop blocked", colors::kBlocked);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A blocking call (time.sleep) holds the loop: nothing else can run.");
  } else {
    ImGui::Dummy(ImVec2(badge_w, ImGui::GetFrameHeight()));
  }

  // The cursor slider.
  if (!has) ImGui::BeginDisabled();
  int k = int(s.cursor);
  // The label sits beside the slider, where the grab cannot cover it.
  std::string label = step_label(s);
  float label_w = ImGui::CalcTextSize("step 99,999,999 of 99,999,999").x;
  ImGui::SetNextItemWidth(-label_w - ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::SliderInt("##cursor", &k, 0, int(s.size()), "", ImGuiSliderFlags_AlwaysClamp)) {
    s.seek(size_t(std::max(0, k)), now);
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(label.c_str());
  if (!has) ImGui::EndDisabled();
}

}  // namespace loopscope::gui
