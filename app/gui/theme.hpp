#pragma once
// Colours, fonts and style: one colour per task state, used by every panel.

#include <imgui.h>

#include "engine/replay/state.hpp"
#include "app/gui/syntax.hpp"

namespace loopscope::gui {

struct Fonts {
  ImFont* ui = nullptr;     // DejaVu Sans, or ImGui's default
  ImFont* mono = nullptr;   // JetBrains Mono, or ImGui's default
  ImFont* title = nullptr;  // a larger UI font for panel titles
};
Fonts& fonts();

// Adds the fonts to the current context's atlas (size in pixels, already
// scaled for the monitor). Falls back to ImGui's default font.
void load_fonts(float size_px);
// The window's style with every size multiplied by `scale` (idempotent:
// starts from the default style each time).
void apply_style(float scale);

// The UI scale: the LOOPSCOPE_SCALE environment value `env` when it is a
// number from 0.5 to 4 (a HiDPI look on any screen, for tests and
// screenshots), else the monitor's content scale (1 on a 96 dpi screen, 2
// on a typical HiDPI laptop), kept within 1 to 4.
float choose_ui_scale(const char* env, float monitor_scale);

// A length in pixels given for the base 15 px text, at the current text
// size (the monitor's scale and View > text size included): widths of
// controls and boxes sized for text.
float em(float px_at_base);

ImU32 state_color(TaskState s, float alpha = 1.0f);
ImU32 syntax_color(SyntaxKind k);
ImU32 lerp_color(ImU32 a, ImU32 b, float t);

namespace colors {
constexpr ImU32 kPanelBg = IM_COL32(30, 32, 38, 255);
constexpr ImU32 kBoxBg = IM_COL32(48, 52, 62, 255);
constexpr ImU32 kBorder = IM_COL32(90, 96, 110, 255);
constexpr ImU32 kText = IM_COL32(225, 228, 235, 255);
constexpr ImU32 kDim = IM_COL32(150, 155, 168, 255);
constexpr ImU32 kAccent = IM_COL32(90, 160, 250, 255);
constexpr ImU32 kBlocked = IM_COL32(220, 60, 60, 255);
constexpr ImU32 kTimer = IM_COL32(235, 170, 60, 255);
constexpr ImU32 kSelection = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kRunLine = IM_COL32(60, 140, 80, 90);
constexpr ImU32 kErrorLine = IM_COL32(170, 50, 55, 110);   // a line with a compile error or the raise
constexpr ImU32 kErrorText = IM_COL32(255, 150, 145, 255);
}  // namespace colors

}  // namespace loopscope::gui
